package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.MemoryWall;
import dev.squeeze.report.WallLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The wall read back, memory and swap limit together, from what {@link WallReadBack#script} prints on each kind of host
 * (the separators as the script prints them).
 */
class WallReadBackTest {

    private static final String SEP = "\n" + WallReadBack.SEPARATOR + "\n";
    private static final long TWO_GI = 2L << 30;
    private static final String P = "squeeze-ab12c";

    @Test
    void cgroupV1WithSwapAccountingAndNoHostSwapIsHard() {
        // GIVEN this project's CI machine: memsw present (set to the wall), SwapTotal 0
        String out = "2147483648" + SEP + "2147483648" + SEP + "SwapTotal:             0 kB\n";

        WallLimits limits = WallReadBack.parse(true, P, out, 0);

        assertThat(limits.hard()).isTrue();
        assertThat(limits.memoryLimitBytes()).isEqualTo(TWO_GI);
        assertThat(limits.swapLimitBytes()).isZero();
        assertThat(limits.swapAccounted()).isTrue();
        assertThat(limits.describe()).startsWith("hard: memory 2Gi, swap 0 (the host has no swap)");
    }

    @Test
    void cgroupV1WithoutSwapaccountOnAHostWithSwapIsSoftAndPhysicalFailsByName() {
        // GIVEN Ubuntu on cgroup v1 without swapaccount=1: no memory.memsw.* files, and 2 GiB of swap
        String out = "2147483648" + SEP + WallReadBack.ABSENT + SEP + "SwapTotal:       2097148 kB\n";

        WallLimits limits = WallReadBack.parse(true, P, out, 0);

        assertThat(limits.hard()).isFalse();
        assertThat(limits.swapAccounted()).isFalse();
        assertThat(limits.describe()).startsWith("soft: the host has").contains("of swap and the kernel does not"
                + " account swap").contains("memory.memsw.limit_in_bytes absent");
        assertThatIllegalStateException()
                .isThrownBy(() -> WallReadBack.requireHard(MemoryWall.PHYSICAL, true, limits))
                .withMessageStartingWith("`MemoryWall.PHYSICAL` cannot be made hard on this Docker host: the host has")
                .withMessageContaining("swapaccount=1").withMessageContaining("swapoff -a")
                .withMessageContaining("`MemoryWall.ACCOUNTING_ONLY`");
        assertThatNoException().isThrownBy(() -> WallReadBack.requireHard(MemoryWall.ACCOUNTING_ONLY, true, limits));
    }

    @Test
    void cgroupV2WithSwapMaxZeroIsHardEvenWhenTheHostHasSwap() {
        // GIVEN an ubuntu-24.04 runner: swap accounting on, Docker set --memory-swap = --memory, 4 GiB of swap
        String out = "2147483648" + SEP + "0" + SEP + "SwapTotal:       4194300 kB\n";

        WallLimits limits = WallReadBack.parse(false, P, out, 0);

        assertThat(limits.hard()).isTrue();
        assertThat(limits.hostSwapBytes()).isEqualTo(4194300L * 1024);
        assertThat(limits.source()).contains("/sys/fs/cgroup/memory.max, memory.swap.max;");
    }

    @Test
    void cgroupV2WithoutSwapAccountingOnAHostWithSwapIsSoft() {
        // GIVEN a v2 kernel without swap accounting: Docker dropped --memory-swap with a warning, no memory.swap.max
        String out = "2147483648" + SEP + WallReadBack.ABSENT + SEP + "SwapTotal:       1048572 kB\n";

        WallLimits limits = WallReadBack.parse(false, P, out, 0);

        assertThat(limits.hard()).isFalse();
        assertThatIllegalStateException()
                .isThrownBy(() -> WallReadBack.requireHard(MemoryWall.PHYSICAL, false, limits))
                .withMessageContaining("swap accounting (CONFIG_MEMCG_SWAP");
    }

    @Test
    void anUnlimitedSwapMaxLetsSwapThrough() {
        String out = "2147483648" + SEP + "max" + SEP + "SwapTotal:       1048572 kB\n";

        WallLimits limits = WallReadBack.parse(false, P, out, 0);

        assertThat(limits.hard()).isFalse();
        assertThat(limits.reason()).startsWith("the wall lets unlimited swap through beyond its memory limit");
    }

    @Test
    void aV1MemswAboveTheMemoryLimitIsTheSwapAllowed() {
        // memsw is memory + swap: 3 GiB over a 2 GiB limit lets 1 GiB of swap through
        String out = "2147483648" + SEP + "3221225472" + SEP + "SwapTotal:       1048572 kB\n";

        WallLimits limits = WallReadBack.parse(true, P, out, 0);

        assertThat(limits.swapLimitBytes()).isEqualTo(1L << 30);
        assertThat(limits.hard()).isFalse();
        // a wall meant to allow 1 GiB of swap (a node with swap) is hard
        assertThat(WallReadBack.parse(true, P, out, 1L << 30).hard()).isTrue();
    }

    @Test
    void noMemoryLimitIsSoft() {
        String out = "max" + SEP + "max" + SEP + "SwapTotal: 0 kB\n";

        assertThat(WallReadBack.parse(false, P, out, 0).describe())
                .startsWith("soft: the wall's cgroup has no memory limit");
        assertThat(WallLimits.accountingOnly().hard()).isFalse();
    }

    @Test
    void theMemoryModelLineNamesTheSwapLimitNextToTheMemoryLimit() {
        K3sMemoryWall wall = new K3sMemoryWall(MemoryWall.PHYSICAL, true, P.substring("squeeze-".length()),
                dev.squeeze.units.MemorySize.parse("2Gi"));
        WallLimits limits = WallReadBack.parse(true, P, "2147483648" + SEP + "2147483648" + SEP + "SwapTotal: 0 kB", 0);

        assertThat(wall.describe(limits, 1L << 30)).isEqualTo("physical wall: cgroup v1 parent /squeeze-ab12c"
                + " memory.limit_in_bytes=2Gi shared by k3s and pods, swap 0; kubepods limit 1Gi");
    }
}
