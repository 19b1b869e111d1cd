package dev.squeeze.experiment;

import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The whole engine against fabric8's mock API server: a system that is not steady gets no pressure, and says why. */
@EnableKubernetesMockClient(crud = true, https = true)
class ExperimentNotSteadyTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path reports;

    @Test
    void a_workload_that_is_not_there_stops_the_experiment_before_pressure_with_evidence_and_a_report() {
        MockCluster.createNode(client);
        ExperimentSpec spec = ExperimentSpec.of("NotSteady", HogSpec.of(HogSize.of(MemorySize.parse("512Mi"))))
                .withWatchedPods(List.of("app=web")).withTick(Duration.ofMillis(200))
                .withSteadyState(Duration.ofMillis(600)).withReportDirectory(reports);

        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> Experiment.run(MockCluster.of(client), spec));

        assertThat(e).hasMessageStartingWith("[NotSteady] not steady before chaos; no pressure was applied:");
        assertThat(e.evidence()).contains("no pod matches the watched selector `app=web` in namespace squeeze-test;"
                + " deploy the workload first, or fix the selector");
        assertThat(e.report()).hasValueSatisfying(r -> {
            assertThat(r.phases()).extracting(PhaseSpan::phase).containsExactly(Phase.STEADY_STATE);
            assertThat(r.phases().get(0).completed()).isFalse();
            assertThat(r.api()).isNotEmpty();
            assertThat(r.hogSpec()).isEqualTo("512Mi at 100Mi/s, hold 30s, BEST_EFFORT = 512.0 MiB (absolute 512Mi)");
        });
        assertThat(client.pods().inNamespace("squeeze-test").list().getItems()).as("no hog was started").isEmpty();
        assertThat(Files.exists(Experiment.reportFiles(spec).json())).as("the partial report was written").isTrue();
    }
}
