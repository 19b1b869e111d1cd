package dev.squeeze.internal.cluster;

import com.github.dockerjava.api.model.Info;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The swap of the machine Docker runs on, for a node with {@link NodeSpec#swap()}: checked before any container
 * starts, so that a node with swap on a host without swap fails by name instead of booting a node that cannot page.
 *
 * <p>Swap is the kernel's, not a container's: a node can only page into swap its Docker host has. This JVM's
 * {@code /proc/meminfo} is that host's when its {@code MemTotal} equals the one {@code docker info} reports (same
 * kernel); otherwise (a remote daemon, Docker Desktop) the host's swap is unknown here, and the node checks
 * {@code SwapTotal} inside the container the moment it starts ({@link K3sMemoryWall}).
 *
 * <pre>{@code
 * HostSwap.check(spec, docker.infoCmd().exec(), HostSwap.readHost());
 * }</pre>
 *
 * @param memTotalBytes  this machine's MemTotal, {@code null} when unread
 * @param swapTotalBytes this machine's SwapTotal, {@code null} when unread
 */
record HostSwap(Long memTotalBytes, Long swapTotalBytes) {

    /** This machine's {@code /proc/meminfo}; both {@code null} where there is none. */
    static HostSwap readHost() {
        return read(Path.of("/proc/meminfo"));
    }

    static HostSwap read(Path meminfo) {
        try {
            String text = Files.readString(meminfo);
            return new HostSwap(kibibytes(text, "MemTotal:"), kibibytes(text, "SwapTotal:"));
        } catch (IOException | RuntimeException e) {
            return new HostSwap(null, null);
        }
    }

    /**
     * Fails when {@code spec} has swap and the Docker host has less (or none), or its kernel cannot limit swap.
     *
     * @throws IllegalStateException naming {@code swap}, what the host has and the fix
     */
    static void check(NodeSpec spec, Info info, HostSwap host) {
        if (!spec.hasSwap()) {
            return;
        }
        if (Boolean.FALSE.equals(info.getSwapLimit())) {
            throw new IllegalStateException("`swap` " + spec.swap().toQuantity() + ": the Docker host's kernel has no"
                    + " swap limit support (`docker info` SwapLimit: false; cgroup v1 needs the kernel booted with"
                    + " swapaccount=1), so the node's memory + swap wall cannot be set; boot the host with"
                    + " swapaccount=1 or remove `swap`");
        }
        boolean sameHost = host.memTotalBytes() != null && info.getMemTotal() != null
                && host.memTotalBytes().longValue() == info.getMemTotal().longValue();
        if (sameHost && host.swapTotalBytes() != null && host.swapTotalBytes() < spec.swap().bytes()) {
            throw new IllegalStateException(message(spec, host.swapTotalBytes(), "/proc/meminfo of the Docker host"));
        }
    }

    /** For the preflight log: the Docker host's swap as far as it is known here, and its swap limit support. */
    String describe(Info info) {
        boolean sameHost = memTotalBytes != null && info.getMemTotal() != null
                && memTotalBytes.longValue() == info.getMemTotal().longValue();
        String total = !sameHost || swapTotalBytes == null ? "unknown (Docker runs on another machine)"
                : swapTotalBytes == 0 ? "none" : MemorySize.ofBytes(swapTotalBytes).toHuman();
        return "host swap " + total + ", swap limit support "
                + (info.getSwapLimit() == null ? "unknown" : info.getSwapLimit() ? "yes" : "no");
    }

    /** The failure for a host with {@code swapTotal} bytes of swap, read from {@code where}. */
    static String message(NodeSpec spec, long swapTotal, String where) {
        return "`swap` " + spec.swap().toQuantity() + " needs swap on the Docker host, but it has "
                + (swapTotal == 0 ? "none" : MemorySize.ofBytes(swapTotal).toHuman()) + " (SwapTotal in " + where
                + "); a node pages only into its host's swap: add a swap file on the host (fallocate -l 2G /swapfile"
                + " && chmod 600 /swapfile && mkswap /swapfile && swapon /swapfile; this project's CI runs"
                + " .ci/swap-up.sh) or remove `swap`";
    }

    private static Long kibibytes(String meminfo, String key) {
        return meminfo.lines().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> Long.parseLong(l.substring(key.length()).replace("kB", "").strip()) * 1024).orElse(null);
    }
}
