package dev.squeeze.experiment;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
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

    /** Just enough cluster for the engine: the mock's client, a namespace and one node. */
    record MockCluster(KubernetesClient client) implements ChaosCluster {
        @Override
        public String namespace() {
            return "squeeze-test";
        }

        @Override
        public String nodeName() {
            return "node-1";
        }

        @Override
        public ClusterFacts facts() {
            return new ClusterFacts("existing", "v1.34.4", "node-1", "kubelet accounting only (no physical wall)",
                    0, 2L << 30, 1L << 30, null, 200L << 20, List.of());
        }

        @Override
        public void loadImages(List<String> images) {
            throw new UnsupportedOperationException("no images on a mock cluster");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void a_workload_that_is_not_there_stops_the_experiment_before_pressure_with_evidence_and_a_report() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().withNewStatus()
                .addToCapacity("memory", new Quantity("2Gi")).addToAllocatable("memory", new Quantity("1Gi"))
                .endStatus().build()).create();
        ExperimentSpec spec = ExperimentSpec.of("NotSteady", HogSpec.of(HogSize.of(MemorySize.parse("512Mi"))))
                .withWatchedPods(List.of("app=web")).withTick(Duration.ofMillis(200))
                .withSteadyState(Duration.ofMillis(600)).withReportDirectory(reports);

        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> Experiment.run(new MockCluster(client), spec));

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
