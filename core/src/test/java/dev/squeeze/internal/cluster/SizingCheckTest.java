package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.MemoryWall;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThat;

class SizingCheckTest {

    private static final MemorySize HOST = MemorySize.ofBytes(24_684_092L * 1024);
    private static final NodeSizing SIZING = NodeSizing.derive(NodeSpec.ofMemory(MemorySize.parse("2Gi")), HOST,
            "/squeeze-abcde", true, 34);

    @Test
    void acceptsWhatTheKubeletReportsWhenItAppliedTheFlags() {
        long kubepods = SIZING.expectedKubepodsLimit().bytes();

        assertThatCode(() -> SizingCheck.verify(SIZING, MemoryWall.PHYSICAL, HOST.bytes(),
                SIZING.expectedAllocatable().bytes(), kubepods / SizingCheck.PAGE * SizingCheck.PAGE, 2L << 30))
                .doesNotThrowAnyException();
    }

    @Test
    void accountingOnlyNeedsNoWall() {
        assertThatCode(() -> SizingCheck.verify(SIZING, MemoryWall.ACCOUNTING_ONLY, HOST.bytes(),
                SIZING.expectedAllocatable().bytes(), SIZING.expectedKubepodsLimit().bytes(), null))
                .doesNotThrowAnyException();
    }

    @Test
    void failsWithBothNumbersForEveryMismatch() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SizingCheck.verify(SIZING, MemoryWall.PHYSICAL, HOST.bytes(), HOST.bytes(), null,
                        null))
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("The k3s node does not have the size Squeeze derived (node 2Gi")
                        .contains("Node status.allocatable.memory: expected " + (1248L << 20) + " (1.22 GiB) but was "
                                + HOST.bytes() + " (23.54 GiB); the kubelet did not apply")
                        .contains("kubepods cgroup limit: expected 1448Mi but it is unlimited")
                        .contains("physical wall: expected a limit of 2Gi but the node's cgroup is unlimited")
                        .contains("kubelet args: [system-reserved=memory=")
                        .doesNotContain("status.capacity"));
    }

    @Test
    void aWallOffByMoreThanPageRoundingFails() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SizingCheck.verify(SIZING, MemoryWall.PHYSICAL, HOST.bytes(),
                        SIZING.expectedAllocatable().bytes(), SIZING.expectedKubepodsLimit().bytes(), 1L << 30))
                .withMessageContaining("physical wall limit: expected 2147483648 (2.00 GiB) but was 1073741824");
    }
}
