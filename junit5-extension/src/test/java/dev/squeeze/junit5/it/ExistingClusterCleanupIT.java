package dev.squeeze.junit5.it;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.experiment.Expect;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.SqueezeProperties;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * On an existing cluster ({@code squeeze.kubeconfig}): a failing test leaves nothing behind (its namespace is deleted),
 * and a test expecting an eviction on a node without a {@code memory.available} threshold fails before any pressure
 * with the node's evictionHard and the setting to change. Runs in {@code .ci/run}'s existing-cluster phase against the
 * 3-node cluster (the overcommitted worker is labelled {@code squeeze.dev/profile=overcommitted}, stock k3s eviction).
 */
@EnabledIfSystemProperty(named = "squeeze.kubeconfig", matches = ".+",
        disabledReason = "no existing cluster configured: run with -Dsqueeze.kubeconfig=/path/to/kubeconfig")
class ExistingClusterCleanupIT {

    private static volatile String namespace = "";
    private static volatile String kind = "";
    private static volatile boolean namespaceExisted;

    @Test
    void a_failing_test_on_an_existing_cluster_deletes_its_namespace() throws Exception {
        namespace = "";
        EngineExecutionResults results = onTheExistingCluster()
                .selectors(selectClass(FailsOnExistingCluster.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(kind).as("the cluster the nested test ran on").isEqualTo("existing");
        assertThat(namespace).as("the namespace the test ran in").startsWith("squeeze-");
        assertThat(namespaceExisted).as("namespace " + namespace + " existed while the test ran").isTrue();
        try (KubernetesClient client = client()) {
            assertThat(client.namespaces().withName(namespace).get()).as("namespace " + namespace + " after the class")
                    .isNull();
        }
    }

    @Test
    void expecting_an_eviction_on_a_node_without_a_memory_threshold_fails_before_pressure() {
        long t0 = System.nanoTime();
        EngineExecutionResults results = onTheExistingCluster()
                .configurationParameter(SqueezeProperties.NODE, "squeeze.dev/profile=overcommitted")
                .selectors(selectClass(ExpectsEvictionOnOvercommittedNode.class)).execute();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        results.testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.contains(
                "expects an eviction (Expect.EVICTION), but no pressure was applied")
                && m.contains("node squeeze-mn-overcommitted has no memory.available hard eviction threshold"
                + " (evictionHard in /configz: {imagefs.available<5%, nodefs.available<5%})")
                && m.contains("set --eviction-hard=memory.available<100Mi,imagefs.available<5%,nodefs.available<5%"))));
        assertThat(took).as("no ramp: the class (namespace, workload-free hog test) ends in seconds")
                .isLessThan(Duration.ofSeconds(90));
    }

    /** The engine with this run's existing-cluster settings (the test kit does not read system properties). */
    private static EngineTestKit.Builder onTheExistingCluster() {
        EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(SqueezeProperties.KUBECONFIG, System.getProperty(SqueezeProperties.KUBECONFIG));
        String node = System.getProperty(SqueezeProperties.NODE);
        return node == null ? engine : engine.configurationParameter(SqueezeProperties.NODE, node);
    }

    private static KubernetesClient client() throws Exception {
        Path kubeconfig = Path.of(System.getProperty("squeeze.kubeconfig"));
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
                kubeconfig.toString())).build();
    }

    @ChaosNode
    static class FailsOnExistingCluster {
        @Test
        @MemoryHog(size = "10%", rate = "200Mi/s", hold = "2s")
        void fails(ChaosCluster cluster) {
            namespace = cluster.namespace();
            kind = cluster.facts().kind();
            namespaceExisted = cluster.client().namespaces().withName(namespace).get() != null;
            throw new AssertionError("the workload did not survive (on purpose)");
        }
    }

    @ChaosNode
    static class ExpectsEvictionOnOvercommittedNode {
        @Test
        @MemoryHog(size = "120%", rate = "100Mi/s", expect = Expect.EVICTION)
        void evicts() {
        }
    }
}
