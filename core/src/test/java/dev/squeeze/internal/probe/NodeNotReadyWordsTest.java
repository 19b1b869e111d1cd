package dev.squeeze.internal.probe;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ready condition's own words when it is not True: what the seed's {@code kubectl describe node} showed once the
 * node-lifecycle controller gave up on a silent kubelet ("Kubelet stopped posting node status.").
 */
class NodeNotReadyWordsTest {

    private static Node node(String status, String reason, String message) {
        return new NodeBuilder().withNewMetadata().withName("worker").endMetadata().withNewStatus()
                .addNewCondition().withType("MemoryPressure").withStatus("Unknown").endCondition()
                .addNewCondition().withType("Ready").withStatus(status).withReason(reason).withMessage(message)
                .endCondition().endStatus().build();
    }

    @Test
    void a_silent_kubelet_reads_as_the_controller_wrote_it() {
        assertThat(NodeConditions.notReady(node("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.")))
                .isEqualTo("Unknown NodeStatusUnknown: Kubelet stopped posting node status.");
        assertThat(NodeConditions.notReady(node("False", "KubeletNotReady", "container runtime is down")))
                .isEqualTo("False KubeletNotReady: container runtime is down");
    }

    @Test
    void a_ready_node_has_no_words() {
        assertThat(NodeConditions.notReady(node("True", "KubeletReady", "kubelet is posting ready status"))).isNull();
    }
}
