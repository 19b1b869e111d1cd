package dev.squeeze.internal.cluster;

import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class K3sOwnMemoryTest {

    @Test
    void warnsWithTheNumberAndTheFixOnlyAboveKubeReserved() {
        assertThat(K3sOwnMemory.overReserved(431_000_000L, MemorySize.parse("600Mi"))).isNull();
        assertThat(K3sOwnMemory.overReserved(MemorySize.parse("600Mi").bytes(), MemorySize.parse("600Mi"))).isNull();
        assertThat(K3sOwnMemory.overReserved(700L << 20, MemorySize.parse("600Mi"))).isEqualTo("k3s itself uses"
                + " 700.0 MiB (working set of the node besides its pods: k3s, containerd, shims, after kube-system"
                + " Ready), more than kubeReserved 600Mi: k3s eats into the room the pods were promised, so the node may hit its memory wall (OOM kills) before"
                + " the kubelet evicts; raise kubeReserved to at least 800Mi (NodeSpec.withKubeReserved or"
                + " @ChaosNode(kubeReserved = \"800Mi\"))");
    }
}
