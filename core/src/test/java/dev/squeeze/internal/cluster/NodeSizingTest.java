package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeSizingTest {

    // the MemTotal of this project's machines: 24684092 kB, not a whole number of MiB
    private static final MemorySize HOST = MemorySize.ofBytes(24_684_092L * 1024);
    private static final NodeSpec TWO_GI = NodeSpec.ofMemory(MemorySize.parse("2Gi"));

    @Test
    void derivesReservationsSoThatTheNodeBehavesLikeTwoGibibytes() {
        NodeSizing sizing = NodeSizing.derive(TWO_GI, HOST, "/squeeze-abcde", true, 34);

        assertThat(sizing.systemReserved().bytes()).isEqualTo(HOST.bytes() - (2L << 30));
        assertThat(sizing.kubeletArgs()).containsExactly(
                "system-reserved=memory=" + (24_684_092L - 2 * 1024 * 1024) + "Ki",
                "kube-reserved=memory=600Mi",
                "eviction-hard=memory.available<200Mi,nodefs.available<5%,imagefs.available<5%",
                "eviction-pressure-transition-period=30s",
                "cgroup-root=/squeeze-abcde",
                "kubelet-cgroups=/squeeze-abcde/k3s",
                "runtime-cgroups=/squeeze-abcde/k3s");
        assertThat(sizing.expectedCapacity()).isEqualTo(HOST);
        assertThat(sizing.expectedKubepodsLimit()).isEqualTo(MemorySize.parse("1448Mi"));
        assertThat(sizing.expectedAllocatable()).isEqualTo(MemorySize.parse("1248Mi"));
    }

    @Test
    void onCgroupV2K3sKeepsItsOwnCgroupsInsideItsNamespace() {
        // v2: a private cgroup namespace, so the kubelet's defaults (and k3s's /k3s) are inside the container
        NodeSizing sizing = NodeSizing.derive(TWO_GI, HOST, "", false, 35);

        assertThat(sizing.kubeletArgs()).containsExactly(
                "system-reserved=memory=" + (24_684_092L - 2 * 1024 * 1024) + "Ki",
                "kube-reserved=memory=600Mi",
                "eviction-hard=memory.available<200Mi,nodefs.available<5%,imagefs.available<5%",
                "eviction-pressure-transition-period=30s");
        assertThat(sizing.k3sArgs()).noneMatch(a -> a.contains("cgroup"));
    }

    @Test
    void kubeletArgsMustNotMoveK3sOutOfTheWall() {
        for (String arg : List.of("kubelet-cgroups=/k3s", "runtime-cgroups=/system.slice")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> NodeSizing.derive(TWO_GI.withKubeletArgs(List.of(arg)), HOST, "/squeeze-abcde",
                            true, 34))
                    .withMessage("`kubeletArgs` entry '" + arg + "' would move k3s itself out of the node's memory"
                            + " wall: Squeeze sets kubelet-cgroups and runtime-cgroups below the node's cgroup root"
                            + " so that k3s and its pods share one limit; remove the entry (use"
                            + " MemoryWall.ACCOUNTING_ONLY if k3s must not be limited)");
        }
    }

    @Test
    void extraSystemReservedComesOutOfTheNodeNotTheHost() {
        NodeSizing sizing = NodeSizing.derive(TWO_GI.withSystemReserved(MemorySize.parse("100Mi")), HOST, "", true,
                34);

        assertThat(sizing.expectedKubepodsLimit()).isEqualTo(MemorySize.parse("1348Mi"));
        assertThat(sizing.expectedAllocatable()).isEqualTo(MemorySize.parse("1148Mi"));
        assertThat(sizing.kubeletArgs()).noneMatch(a -> a.startsWith("cgroup-root"));
    }

    @Test
    void zeroEvictionThresholdKeepsTheDiskSignalsAndDropsTheMemoryOne() {
        NodeSizing sizing = NodeSizing.derive(TWO_GI.withEvictionHard(MemorySize.ZERO), HOST, "", true, 34);

        assertThat(sizing.kubeletArgs()).contains("eviction-hard=nodefs.available<5%,imagefs.available<5%");
        assertThat(sizing.expectedAllocatable()).isEqualTo(sizing.expectedKubepodsLimit());
        assertThat(sizing.describe()).contains("no memory eviction");
    }

    @Test
    void cgroupV1NeedsTheOptOutOnlyFromKubernetes135() {
        assertThat(NodeSizing.derive(TWO_GI, HOST, "", true, 35).kubeletArgs()).contains("fail-cgroupv1=false");
        assertThat(NodeSizing.derive(TWO_GI, HOST, "", true, 34).kubeletArgs()).doesNotContain("fail-cgroupv1=false");
        assertThat(NodeSizing.derive(TWO_GI, HOST, "", false, 35).kubeletArgs()).doesNotContain("fail-cgroupv1=false");
    }

    @Test
    void userKubeletArgsComeLastAndEveryFlagBecomesAK3sArgument() {
        NodeSizing sizing = NodeSizing.derive(TWO_GI.withKubeletArgs(List.of("max-pods=20"))
                .withPressureTransitionPeriod(Duration.ofMillis(1500)), HOST, "", false, 34);

        assertThat(sizing.kubeletArgs()).last().isEqualTo("max-pods=20");
        assertThat(sizing.kubeletArgs()).contains("eviction-pressure-transition-period=1500ms");
        assertThat(sizing.k3sArgs()).allMatch(a -> a.startsWith("--kubelet-arg="))
                .contains("--kubelet-arg=max-pods=20");
    }

    @Test
    void aNodeLargerThanTheHostIsRejectedWithTheHostSize() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NodeSizing.derive(NodeSpec.ofMemory(MemorySize.parse("32Gi")), HOST, "", true, 34))
                .withMessage("`memory` 32Gi is larger than the Docker host's memory (MemTotal 23.54 GiB): a node"
                        + " cannot be bigger than the machine it runs on; declare at most 24684092Ki, such as 2Gi");
    }

    @Test
    void aNodeThatLeavesNoRoomForPodsNamesEveryReservationAndTheMinimum() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NodeSizing.derive(NodeSpec.ofMemory(MemorySize.parse("1Gi")), HOST, "", true, 34))
                .withMessage("`memory` 1Gi leaves less than 256Mi allocatable to pods after `kubeReserved` 600Mi,"
                        + " `systemReserved` 0 and `evictionHard` 200Mi; raise `memory` to at least 1056Mi or lower"
                        + " the reservations");
    }

    @Test
    void kubeletArgsMustBeKeyValueWithoutDashes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NodeSizing.derive(TWO_GI.withKubeletArgs(List.of("--max-pods=20")), HOST, "", true,
                        34))
                .withMessage("`kubeletArgs` entry '--max-pods=20' must be key=value without leading dashes, such as"
                        + " 'max-pods=20'");
    }

    @Test
    void kubeletArgsMustNotOverrideTheSizing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NodeSizing.derive(TWO_GI.withKubeletArgs(List.of("eviction-hard=memory.available<1Gi")),
                        HOST, "", true, 34))
                .withMessageStartingWith("`kubeletArgs` entry 'eviction-hard=memory.available<1Gi' would override the"
                        + " node sizing Squeeze derives and checks; set it through NodeSpec instead")
                .withMessageContaining("withEvictionHard");
    }

    @Test
    void kubernetesMinorComesFromTheImageTagAndUnknownTagsCountAsNewest() {
        assertThat(K3sCluster.kubernetesMinor("rancher/k3s:v1.34.4-k3s1")).isEqualTo(34);
        assertThat(K3sCluster.kubernetesMinor("localhost:5000/rancher/k3s:v1.35.0-k3s1")).isEqualTo(35);
        assertThat(K3sCluster.kubernetesMinor("rancher/k3s:latest")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aNodeWithSwapLetsTheKubeletStartAndAsksForLimitedSwapOnlyOnCgroupV2() {
        NodeSpec swapped = TWO_GI.withSwap(MemorySize.parse("1Gi"));

        assertThat(NodeSizing.derive(swapped, HOST, "/squeeze-abcde", true, 34).kubeletArgs())
                .contains("fail-swap-on=false").noneMatch(a -> a.startsWith("memory-swap-behavior"));
        assertThat(NodeSizing.derive(swapped, HOST, "", false, 34).kubeletArgs())
                .contains("fail-swap-on=false", "memory-swap-behavior=LimitedSwap");
        assertThat(NodeSizing.derive(TWO_GI, HOST, "", false, 34).kubeletArgs())
                .noneMatch(a -> a.startsWith("fail-swap-on") || a.startsWith("memory-swap-behavior"));
    }
}
