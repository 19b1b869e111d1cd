package dev.squeeze.internal.experiment;

import dev.squeeze.experiment.Experiment;
import dev.squeeze.experiment.ExperimentException;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.experiment.MockCluster;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The engine's error paths against fabric8's mock API server: a 4xx to Squeeze's own request fails the experiment
 * with the request and the status (no survival verdict from an experiment that did not happen); a GET that hangs
 * past the tick is an unobserved tick, not a stalled probe.
 */
@EnableKubernetesMockClient(crud = true, https = true)
class ExperimentErrorPathsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private static final String PODS = "/api/v1/namespaces/squeeze-test/pods";

    @TempDir
    Path reports;

    @BeforeEach
    void node() {
        MockCluster.serveReadyNode(server, client);
    }

    private ExperimentSpec spec(String name) {
        return ExperimentSpec.of(name, HogSpec.of(HogSize.of(MemorySize.parse("512Mi"))).withHold(Duration.ofSeconds(1)))
                .withTick(Duration.ofMillis(500)).withSteadyState(Duration.ofSeconds(3))
                .withRampTimeout(Duration.ofSeconds(1)).withRecovery(Duration.ofSeconds(1), Duration.ofMillis(500))
                .withReportDirectory(reports);
    }

    private static Object status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
    }

    @Test
    void a_hog_rejected_at_admission_fails_the_experiment_with_the_request_and_the_api_server_s_words() {
        server.expect().post().withPath(PODS).andReturn(403, status(403, "Forbidden",
                "pods \"squeeze-hog-x\" is forbidden: no PriorityClass with name critcal was found")).always();

        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> Experiment.run(MockCluster.of(client), spec("Rejected")));

        assertThat(e).hasMessageStartingWith("[Rejected] no pressure was applied: the hog was rejected at admission:");
        assertThat(e.evidence()).singleElement().asString()
                .startsWith("the API server refused Squeeze's request `create pods squeeze-test/squeeze-hog-rejected-")
                .contains("HTTP 403 Forbidden: pods \"squeeze-hog-x\" is forbidden: no PriorityClass with name critcal");
        ChaosReport report = e.report().orElseThrow();
        assertThat(report.hogOutcome().fate()).isEqualTo(HogFate.REJECTED);
        assertThat(report.phases()).extracting(PhaseSpan::phase).containsExactly(Phase.STEADY_STATE, Phase.PRESSURE);
        assertThat(report.phases().get(1).completed()).isFalse();
    }

    @Test
    void rbac_403_on_squeeze_s_own_request_is_an_error_not_an_unavailable_api_server() {
        server.expect().post().withPath("/api/v1/namespaces/squeeze-test/configmaps").andReturn(403, status(403,
                "Forbidden", "configmaps is forbidden: User \"ci\" cannot create resource \"configmaps\"")).always();

        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> Experiment.run(MockCluster.of(client), spec("Rbac")));

        assertThat(e).hasMessageStartingWith("[Rbac] the experiment could not run as specified:");
        assertThat(e.evidence()).singleElement().asString()
                .startsWith("the API server refused Squeeze's request `create configmaps squeeze-test/squeeze-eater-")
                .contains("HTTP 403 Forbidden: configmaps is forbidden: User \"ci\" cannot create resource")
                .contains("give the kubeconfig's user the rights Squeeze needs");
        assertThat(e.report().orElseThrow().notes()).noneMatch(n -> n.contains("did not answer"));
    }

    @Test
    void a_409_after_squeeze_s_own_retry_means_the_hog_exists_and_is_followed() {
        // the first POST goes through but its answer is lost (504); the retry then meets the pod it created
        HogRunTest.createdButAnswerLost(server);

        ChaosReport report = Experiment.run(MockCluster.of(client), spec("Conflict"));

        assertThat(report.hogOutcome().fate()).as(report.hogOutcome().reason()).isNotEqualTo(HogFate.REJECTED);
        assertThat(report.phases()).extracting(PhaseSpan::phase)
                .containsExactly(Phase.STEADY_STATE, Phase.PRESSURE, Phase.HOLD, Phase.RECOVERY);
        assertThat(report.phases().get(1).outcome()).contains("timed out after 1s waiting for the hog to fill");
        assertThat(report.notes()).noneMatch(n -> n.contains("refused"));
    }

    @Test
    void a_node_get_that_hangs_past_the_tick_is_an_unobserved_tick_and_the_experiment_goes_on() {
        server.expect().get().delay(3, TimeUnit.SECONDS).withPath("/api/v1/nodes/node-1")
                .andReturn(200, client.nodes().withName("node-1").get()).always();
        ExperimentSpec spec = spec("Hanging");

        long t0 = System.nanoTime();
        ChaosReport report = Experiment.run(MockCluster.of(client), spec);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(report.node()).as("one node record per tick, none observed").hasSizeGreaterThan(5)
                .allSatisfy(n -> assertThat(n.observed()).isFalse());
        assertThat(report.node()).map(NodeSample::unobserved)
                .allSatisfy(why -> assertThat(why).satisfiesAnyOf(
                        w -> assertThat(w).startsWith("GET node node-1 failed: ").containsIgnoringCase("timed out"),
                        w -> assertThat(w).startsWith("skipped: the previous node sample was still in flight")))
                .anySatisfy(why -> assertThat(why).startsWith("GET node node-1 failed: "));
        assertThat(report.node().size()).as("node records vs API records: the same tick grid")
                .isCloseTo(report.api().size(), org.assertj.core.data.Offset.offset(2));
        assertThat(took).as("no probe call outlived its tick by much").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void a_hog_whose_image_cannot_be_pulled_ends_pressure_at_once_with_the_kubelets_reason() {
        // GIVEN a kubelet that cannot pull the hog's image: every hog pod shows ErrImagePull, and a rampTimeout that
        // would take a minute to wait out
        ScheduledExecutorService kubelet = Executors.newSingleThreadScheduledExecutor();
        kubelet.scheduleWithFixedDelay(() -> {
            try {
                for (Pod p : client.pods().inNamespace("squeeze-test").list().getItems()) {
                    if (p.getMetadata().getName().startsWith("squeeze-hog-") && (p.getStatus() == null
                            || p.getStatus().getContainerStatuses() == null
                            || p.getStatus().getContainerStatuses().isEmpty())) {
                        p.setStatus(new PodStatusBuilder().withPhase("Pending").addNewContainerStatus()
                                .withName("eater").withImage("eclipse-temurin:99-jre").withNewState().withNewWaiting()
                                .withReason("ErrImagePull").withMessage("failed to pull image \"eclipse-temurin:99-jre\"")
                                .endWaiting().endState().endContainerStatus().build());
                        client.pods().inNamespace("squeeze-test").resource(p).updateStatus();
                    }
                }
            } catch (RuntimeException e) {
                // the next round tries again
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        ExperimentSpec spec = spec("Unpullable").withRampTimeout(Duration.ofMinutes(1));

        // WHEN
        ChaosReport report;
        try {
            report = Experiment.run(MockCluster.of(client), spec);
        } finally {
            kubelet.shutdownNow();
        }

        // THEN PRESSURE ended on the hog's fate, not on its timeout, and the run says no pressure was applied
        assertThat(report.phases().get(1).outcome()).startsWith("the hog was NEVER_STARTED")
                .contains("ErrImagePull");
        assertThat(report.hogOutcome().fate()).isEqualTo(HogFate.NEVER_STARTED);
        assertThat(dev.squeeze.internal.report.summary.Validity.of(report).reason())
                .startsWith("no pressure was applied: the hog never started: container eater cannot start: ErrImagePull");
    }
}
