package dev.squeeze.experiment;

import dev.squeeze.internal.experiment.NodeExpectation;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link Expect#EVICTION} on a node whose kubelet has no {@code memory.available} hard threshold fails before any
 * pressure (no hog, no ConfigMap), with the node, its evictionHard as read from {@code /configz} and the setting to add;
 * a node that has one, an unreadable {@code /configz}, or no expectation let the experiment go on.
 */
@EnableKubernetesMockClient(crud = true, https = true)
class ExpectEvictionTest {

    private static final String CONFIGZ = "/api/v1/nodes/node-1/proxy/configz";
    private static final String STOCK_K3S = "{\"kubeletconfig\":{\"evictionHard\":{\"imagefs.available\":\"5%\","
            + "\"nodefs.available\":\"5%\"},\"kubeReserved\":{}}}";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path reports;

    @BeforeEach
    void node() {
        MockCluster.serveReadyNode(server, client);
    }

    private ExperimentSpec spec(Expect expect) {
        return ExperimentSpec.of("Evicts", HogSpec.of(HogSize.of(MemorySize.parse("512Mi"))))
                .withTick(Duration.ofMillis(200)).withSteadyState(Duration.ofMillis(400))
                .withReportDirectory(reports).expecting(expect);
    }

    @Test
    void expecting_an_eviction_on_a_node_without_a_memory_threshold_fails_before_the_hog_with_the_setting_to_change() {
        server.expect().get().withPath(CONFIGZ).andReturn(200, STOCK_K3S).always();

        long t0 = System.nanoTime();
        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> Experiment.run(MockCluster.withoutThreshold(client), spec(Expect.EVICTION)));

        assertThat(e).isNotNull().hasMessageStartingWith("[Evicts] expects an eviction (Expect.EVICTION), but no"
                + " pressure was applied:");
        assertThat(e.evidence()).singleElement().asString()
                .startsWith("node node-1 has no memory.available hard eviction threshold (evictionHard in /configz:"
                        + " {imagefs.available<5%, nodefs.available<5%}); the kubelet will not evict for memory")
                .contains("set --eviction-hard=memory.available<100Mi,imagefs.available<5%,nodefs.available<5%")
                .contains("--kubelet-arg=eviction-hard=")
                .contains("evictionHard in the KubeletConfiguration");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("before any steady state").isLessThan(Duration.ofSeconds(5));
        assertThat(client.pods().inNamespace("squeeze-test").list().getItems()).as("no hog").isEmpty();
        assertThat(client.configMaps().inNamespace("squeeze-test").list().getItems()).as("no eater").isEmpty();
    }

    @Test
    void a_node_with_a_memory_threshold_passes_the_check() {
        server.expect().get().withPath(CONFIGZ).andReturn(200, "{\"kubeletconfig\":{\"evictionHard\":"
                + "{\"memory.available\":\"256Mi\",\"nodefs.available\":\"5%\"}}}").always();

        assertThatCode(() -> NodeExpectation.check(MockCluster.withoutThreshold(client), spec(Expect.EVICTION)))
                .doesNotThrowAnyException();
    }

    @Test
    void without_an_expectation_or_with_an_unreadable_configz_the_experiment_is_not_refused() {
        server.expect().get().withPath(CONFIGZ).andReturn(200, STOCK_K3S).once();
        assertThatCode(() -> NodeExpectation.check(MockCluster.withoutThreshold(client), spec(Expect.ANY)))
                .doesNotThrowAnyException();

        server.expect().get().withPath(CONFIGZ).andReturn(403, "forbidden").always();
        assertThatCode(() -> NodeExpectation.check(MockCluster.withoutThreshold(client), spec(Expect.EVICTION)))
                .as("unknown is not 'none': only a kubelet that was read and has no threshold is refused")
                .doesNotThrowAnyException();
    }
}
