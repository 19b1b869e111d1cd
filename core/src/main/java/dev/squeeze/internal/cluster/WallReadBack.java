package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.MemoryWall;
import dev.squeeze.report.WallLimits;

/**
 * Reads the node's memory wall back, memory limit and swap limit together, in one {@code docker exec} in the k3s
 * container, and judges it ({@link WallLimits}): a wall that swap can leak through is soft. On cgroup v1 the swap
 * limit is {@code memory.memsw.limit_in_bytes} (memory + swap; absent when the kernel runs without
 * {@code swapaccount=1}); on v2 it is {@code memory.swap.max} (absent without swap accounting, when Docker drops
 * {@code --memory-swap} with only a warning). The host's SwapTotal comes from {@code /proc/meminfo}, the host's.
 *
 * <pre>{@code
 * String out = exec(WallReadBack.script(true, "squeeze-ab12c"));
 * WallLimits limits = WallReadBack.parse(true, "squeeze-ab12c", out, 0);
 * WallReadBack.requireHard(MemoryWall.PHYSICAL, limits);   // throws naming the fix when soft
 * }</pre>
 */
final class WallReadBack {

    static final String SEPARATOR = "---squeeze---";
    static final String ABSENT = "absent";

    private WallReadBack() {
    }

    /** The files to read inside the container, {@code dir} being the wall's cgroup there. */
    static String script(boolean cgroupV1, String parent) {
        String dir = dir(cgroupV1, parent);
        return "cat " + dir + "/" + memoryFile(cgroupV1) + "; echo " + SEPARATOR + "; cat " + dir + "/"
                + swapFile(cgroupV1) + " 2>/dev/null || echo " + ABSENT + "; echo " + SEPARATOR
                + "; grep SwapTotal /proc/meminfo";
    }

    /**
     * @param out               what {@link #script} printed
     * @param expectedSwapBytes the swap the wall is meant to allow beyond memory (0: none)
     */
    static WallLimits parse(boolean cgroupV1, String parent, String out, long expectedSwapBytes) {
        String[] parts = out.split("\\R?" + SEPARATOR + "\\R?", -1);
        if (parts.length < 3) {
            throw new IllegalStateException("unexpected output reading the wall's limits: " + out.strip());
        }
        Long memory = parseLimit(parts[0]);
        String swapText = parts[1].strip();
        boolean accounted = !swapText.equals(ABSENT) && !swapText.isEmpty();
        Long swap = null;
        if (accounted) {
            Long limit = parseLimit(swapText);
            // v1 memsw is memory + swap; v2 memory.swap.max is swap alone
            swap = limit == null ? null : cgroupV1 ? (memory == null ? null : Math.max(0, limit - memory)) : limit;
        }
        long hostSwap = Long.parseLong(parts[2].replaceAll("\\D+", "").isEmpty() ? "0"
                : parts[2].replaceAll("\\D+", "")) * 1024;
        String dir = dir(cgroupV1, parent);
        String source = (cgroupV1 ? "cgroup v1 " : "cgroup v2 ") + dir + "/" + memoryFile(cgroupV1) + ", "
                + swapFile(cgroupV1) + (accounted ? "" : " absent") + "; host SwapTotal from /proc/meminfo";
        return WallLimits.judge(memory, swap, accounted, hostSwap, expectedSwapBytes, source);
    }

    /** A {@link MemoryWall#PHYSICAL} wall must be hard: fails the start by name, with the fix. */
    static void requireHard(MemoryWall wall, boolean cgroupV1, WallLimits limits) {
        if (wall != MemoryWall.PHYSICAL || limits.hard()) {
            return;
        }
        String kernel = cgroupV1
                ? "boot the Docker host's kernel with swapaccount=1 (Debian and Ubuntu kernels before cgroup v2 ship"
                + " without it: add it to GRUB_CMDLINE_LINUX and reboot)"
                : "use a kernel with swap accounting (CONFIG_MEMCG_SWAP; `docker info` then no longer warns \"No swap"
                + " limit support\")";
        throw new IllegalStateException("`MemoryWall.PHYSICAL` cannot be made hard on this Docker host: "
                + limits.reason() + ". A node that swaps thrashes instead of hitting its wall, so the experiment"
                + " would measure the host's swap, not the node. Fix: " + kernel + ", or turn swap off on the Docker"
                + " host (`swapoff -a`), or declare `MemoryWall.ACCOUNTING_ONLY` (the report then marks the wall"
                + " soft)");
    }

    private static String dir(boolean cgroupV1, String parent) {
        return cgroupV1 ? "/sys/fs/cgroup/memory/" + parent : "/sys/fs/cgroup";
    }

    private static String memoryFile(boolean cgroupV1) {
        return cgroupV1 ? "memory.limit_in_bytes" : "memory.max";
    }

    private static String swapFile(boolean cgroupV1) {
        return cgroupV1 ? "memory.memsw.limit_in_bytes" : "memory.swap.max";
    }

    /** A cgroup limit file's text in bytes; {@code null} for no limit (v2 "max", v1's near-Long.MAX_VALUE). */
    static Long parseLimit(String text) {
        String value = text.strip();
        if (value.equals("max")) {
            return null;
        }
        long bytes = Long.parseLong(value);
        // v1 reports "unlimited" as a huge page-aligned number near Long.MAX_VALUE
        return bytes >= (1L << 62) ? null : bytes;
    }
}
