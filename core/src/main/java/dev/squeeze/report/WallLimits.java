package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import dev.squeeze.units.MemorySize;

/**
 * A throwaway node's memory wall as read back from its cgroup, not as asked for: the memory limit next to the swap
 * limit, and whether the wall is <em>hard</em> (nothing leaks past it) or <em>soft</em> (swap, or no limit at all,
 * lets the node use more than its declared size), with the reason.
 *
 * <pre>{@code
 * WallLimits w = WallLimits.judge(2L << 30, 0L, true, 4L << 30, 0, "cgroup v2 memory.max, memory.swap.max");
 * w.hard();        // true: the host has swap, but the wall allows none of it
 * w.describe();    // "hard: memory 2Gi, swap 0 (cgroup v2 memory.max, memory.swap.max)"
 * }</pre>
 *
 * @param memoryLimitBytes the wall's memory limit; {@code null} when it has none
 * @param swapLimitBytes   the swap the wall lets through beyond its memory limit (v1 {@code memsw - memory}, v2
 *                         {@code memory.swap.max}); {@code null} when unlimited or not accounted
 * @param swapAccounted    whether the kernel accounts swap for the wall's cgroup (v1 {@code memory.memsw.*} files, v2
 *                         {@code memory.swap.max}); without it a swap limit cannot be set
 * @param hostSwapBytes    the Docker host's SwapTotal
 * @param hard             nothing leaks past the wall: a memory limit, and either no swap on the host or the expected
 *                         swap limit in force
 * @param reason           why the wall is soft, or {@code ""} when it is hard
 * @param source           the files read, for the report
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WallLimits(Long memoryLimitBytes, Long swapLimitBytes, boolean swapAccounted, long hostSwapBytes,
                         boolean hard, String reason, String source) {

    /**
     * Judges a wall read back.
     *
     * @param expectedSwapBytes the swap the wall is meant to allow beyond memory: 0 for a wall without swap
     */
    public static WallLimits judge(Long memoryLimitBytes, Long swapLimitBytes, boolean swapAccounted,
                                   long hostSwapBytes, long expectedSwapBytes, String source) {
        String reason;
        if (memoryLimitBytes == null) {
            reason = "the wall's cgroup has no memory limit (" + source + "): k3s and its pods can use the host's"
                    + " memory beyond the declared node size";
        } else if (hostSwapBytes == 0 && expectedSwapBytes == 0) {
            reason = "";
        } else if (!swapAccounted) {
            reason = "the host has " + human(hostSwapBytes) + " of swap and the kernel does not account swap for the"
                    + " wall's cgroup (" + source + "), so no swap limit can be set: the node can swap beyond its"
                    + " memory limit";
        } else if (swapLimitBytes == null || swapLimitBytes != expectedSwapBytes) {
            reason = "the wall lets " + (swapLimitBytes == null ? "unlimited swap" : human(swapLimitBytes) + " of swap")
                    + " through beyond its memory limit (expected " + human(expectedSwapBytes) + "; host SwapTotal "
                    + human(hostSwapBytes) + ")";
        } else {
            reason = "";
        }
        return new WallLimits(memoryLimitBytes, swapLimitBytes, swapAccounted, hostSwapBytes, reason.isEmpty(),
                reason, source);
    }

    /** No wall at all: kubelet accounting only. */
    public static WallLimits accountingOnly() {
        return new WallLimits(null, null, false, 0, false, "kubelet accounting only (MemoryWall.ACCOUNTING_ONLY): no"
                + " physical limit, k3s and its pods can use the host's memory beyond the declared node size", "none");
    }

    /** {@code hard: memory 2Gi, swap 0 (...)} or {@code soft: <reason>}. */
    public String describe() {
        return hard ? "hard: memory " + human(memoryLimitBytes) + ", swap " + human(swapLimitBytes == null ? 0
                : swapLimitBytes) + (hostSwapBytes == 0 ? " (the host has no swap)" : "") + " (" + source + ")"
                : "soft: " + reason;
    }

    private static String human(Long bytes) {
        return bytes == null ? "unlimited" : bytes == 0 ? "0" : MemorySize.ofBytes(bytes).toQuantity();
    }
}
