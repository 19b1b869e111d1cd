package dev.squeeze.cluster;

import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class K3sOwnMemoryTest {

    // the node part of a kubelet /stats/summary, trimmed: kubelet-cgroups=/squeeze-ab12c/k3s
    private static final String SUMMARY = """
            {"node": {"nodeName": "k3s", "systemContainers": [
              {"name": "pods", "memory": {"workingSetBytes": 40000000, "availableBytes": 1400000000}},
              {"name": "kubelet", "memory": {"usageBytes": 520000000, "workingSetBytes": 431000000}},
              {"name": "runtime", "memory": {"workingSetBytes": 431000000}}],
             "memory": {"workingSetBytes": 9000000000}}, "pods": []}
            """;

    @Test
    void readsTheKubeletSystemContainersWorkingSet() {
        assertThat(K3sOwnMemory.workingSet(SUMMARY)).isEqualTo(431_000_000L);
        assertThat(K3sOwnMemory.workingSet("{\"node\": {\"systemContainers\": [{\"name\": \"pods\"}]}}")).isNull();
        assertThat(K3sOwnMemory.workingSet("{\"node\": {\"systemContainers\": [{\"name\": \"kubelet\"}]}}")).isNull();
    }

    @Test
    void warnsWithTheNumberAndTheFixOnlyAboveKubeReserved() {
        assertThat(K3sOwnMemory.overReserved(431_000_000L, MemorySize.parse("600Mi"))).isNull();
        assertThat(K3sOwnMemory.overReserved(MemorySize.parse("600Mi").bytes(), MemorySize.parse("600Mi"))).isNull();
        assertThat(K3sOwnMemory.overReserved(700L << 20, MemorySize.parse("600Mi"))).isEqualTo("k3s itself uses"
                + " 700.0 MiB (working set of its cgroup, after kube-system Ready), more than kubeReserved 600Mi: k3s"
                + " eats into the room the pods were promised, so the node may hit its memory wall (OOM kills) before"
                + " the kubelet evicts; raise kubeReserved to at least 800Mi (NodeSpec.withKubeReserved or"
                + " @ChaosNode(kubeReserved = \"800Mi\"))");
    }
}
