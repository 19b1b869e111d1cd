package dev.squeeze.junit5.it;

import com.github.dockerjava.api.model.Container;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.NodeReuse;
import dev.squeeze.junit5.Workload;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link NodeReuse#ACROSS_CLASSES} on a real node: two classes with equal {@code @ChaosNode} settings in one test run
 * run on the same k3s container (identity by Docker container id, not by Java object), each in a namespace of its own
 * with its own copy of the workload; the container is removed when the run ends.
 */
class NodeReuseIT {

    private static final List<Seen> SEEN = Collections.synchronizedList(new ArrayList<>());

    @Test
    void twoClassesWithEqualSettingsShareOneContainerInSeparateNamespaces() {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstClassTestCase.class), selectClass(SecondClassTestCase.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(SEEN).hasSize(2);
        Seen first = SEEN.get(0);
        Seen second = SEEN.get(1);
        assertThat(second.containerId()).as("the k3s container of the second class").isEqualTo(first.containerId());
        assertThat(second.namespace()).as("the second class's namespace").isNotEqualTo(first.namespace());
        assertThat(second.namespacesWithTheWorkload()).as("namespaces holding app=innocent during the second class")
                .containsExactly(second.namespace());
        assertThat(containerIds()).as("containers after the run ended").doesNotContain(first.containerId());
    }

    private static void record(ChaosCluster cluster, KubernetesClient client) {
        String id = containerIds().stream().filter(c -> c.startsWith(cluster.nodeName())).findFirst()
                .orElseThrow(() -> new AssertionError("no Docker container for node " + cluster.nodeName()));
        List<String> withWorkload = client.pods().inAnyNamespace().withLabel("app", "innocent").list().getItems()
                .stream().map(p -> p.getMetadata().getNamespace()).distinct().toList();
        SEEN.add(new Seen(id, cluster.namespace(), withWorkload));
    }

    private static List<String> containerIds() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().stream()
                .map(Container::getId).toList();
    }

    private record Seen(String containerId, String namespace, List<String> namespacesWithTheWorkload) {
    }

    /** What both classes do: record the node's container and the namespaces that hold the workload. */
    abstract static class RecordsItsNode {
        @Test
        void runsOnTheSharedNode(ChaosCluster cluster, KubernetesClient client) {
            record(cluster, client);
        }
    }

    @ChaosNode(memory = "2Gi", reuse = NodeReuse.ACROSS_CLASSES)
    @Workload(manifests = "classpath:it/innocent.yaml", readySelectors = "app=innocent")
    static class FirstClassTestCase extends RecordsItsNode {
    }

    @ChaosNode(memory = "2Gi", reuse = NodeReuse.ACROSS_CLASSES)
    @Workload(manifests = "classpath:it/innocent.yaml", readySelectors = "app=innocent")
    static class SecondClassTestCase extends RecordsItsNode {
    }
}
