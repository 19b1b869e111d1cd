package dev.squeeze.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shared node is handed on only as good as fresh: the node itself, leftovers, and kube-system. */
class NodeFitnessTest {

    private static final long ALLOCATABLE = 1536L << 20;
    private static final Instant LENT = Instant.parse("2026-12-07T05:00:00Z");

    private static Node node(String ready, String memoryPressure, long allocatable) {
        return new NodeBuilder().withNewMetadata().withName("k3s-1").endMetadata().withNewStatus()
                .addToAllocatable("memory", new Quantity(String.valueOf(allocatable)))
                .addNewCondition().withType("Ready").withStatus(ready).endCondition()
                .addNewCondition().withType("MemoryPressure").withStatus(memoryPressure).endCondition()
                .endStatus().build();
    }

    private static Node fresh() {
        return node("True", "False", ALLOCATABLE);
    }

    /** A Running kube-system pod, Ready or not, whose container last terminated with {@code reason} at {@code at}. */
    private static Pod systemPod(String name, boolean ready, String reason, Instant at) {
        PodBuilder b = new PodBuilder().withNewMetadata().withNamespace("kube-system").withName(name).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .addNewContainerStatus().withName("coredns").withRestartCount(reason == null ? 0 : 1)
                .endContainerStatus().endStatus();
        if (reason != null) {
            b.editStatus().editFirstContainerStatus().withNewLastState().withNewTerminated().withReason(reason)
                    .withExitCode(137).withFinishedAt(at.toString()).endTerminated().endLastState()
                    .endContainerStatus().endStatus();
        }
        return b.build();
    }

    private static java.util.Optional<String> judge(Node node, Pod... pods) {
        return NodeFitness.judge("k3s-1", node, List.of(pods), ALLOCATABLE, LENT);
    }

    @Test
    void a_fresh_node_with_healthy_kube_system_and_finished_jobs_is_fit() {
        // GIVEN CoreDNS Ready, a helm-install job done, and a container that restarted while the node booted
        Pod job = new PodBuilder().withNewMetadata().withNamespace("kube-system").withName("helm-install-traefik")
                .endMetadata().withNewStatus().withPhase("Succeeded").endStatus().build();
        Pod bootRestart = systemPod("metrics-server", true, "Error", LENT.minusSeconds(30));
        // WHEN / THEN
        assertThat(judge(fresh(), systemPod("coredns", true, null, null), job, bootRestart)).isEmpty();
    }

    @Test
    void the_node_itself_gone_not_ready_under_pressure_or_with_other_allocatable_memory_is_unfit() {
        assertThat(judge(null)).contains("node k3s-1 is gone");
        assertThat(judge(node("Unknown", "False", ALLOCATABLE))).contains("node k3s-1 is not Ready (Unknown)");
        assertThat(judge(node("True", "True", ALLOCATABLE))).contains("node k3s-1 has MemoryPressure True");
        assertThat(judge(node("True", "False", ALLOCATABLE / 2))).contains("node k3s-1 has 805306368 bytes"
                + " allocatable, not the 1610612736 it started with");
    }

    @Test
    void a_pod_an_earlier_class_left_outside_kube_system_is_unfit() {
        Pod left = new PodBuilder().withNewMetadata().withNamespace("squeeze-first").withName("web-0").endMetadata()
                .build();
        assertThat(judge(fresh(), left)).contains("1 pod(s) of an earlier class are still there, such as"
                + " squeeze-first/web-0");
    }

    @Test
    void coredns_oom_killed_or_restarted_after_the_node_was_lent_is_unfit() {
        Instant during = LENT.plusSeconds(90);
        assertThat(judge(fresh(), systemPod("coredns-7f9c", true, "OOMKilled", during))).contains("kube-system was"
                + " damaged by an earlier class: kube-system/coredns-7f9c restarted: container coredns terminated"
                + " (OOMKilled at 2026-12-07T05:01:30Z) after the node was first lent at 2026-12-07T05:00:00Z");
        assertThat(judge(fresh(), systemPod("coredns-7f9c", true, "Error", during)))
                .hasValueSatisfying(why -> assertThat(why).contains("coredns-7f9c restarted").contains("(Error"));
    }

    @Test
    void a_kube_system_pod_not_ready_or_evicted_is_unfit() {
        Pod evicted = new PodBuilder().withNewMetadata().withNamespace("kube-system").withName("coredns-7f9c")
                .endMetadata().withNewStatus().withPhase("Failed").withReason("Evicted").endStatus().build();
        assertThat(judge(fresh(), evicted)).contains("kube-system was damaged by an earlier class:"
                + " kube-system/coredns-7f9c is Failed (Evicted)");
        assertThat(judge(fresh(), systemPod("coredns-7f9c", false, null, null))).contains("kube-system was damaged"
                + " by an earlier class: kube-system/coredns-7f9c is not Ready (Running)");
    }
}
