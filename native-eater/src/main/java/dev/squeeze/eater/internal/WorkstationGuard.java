package dev.squeeze.eater.internal;

import dev.squeeze.eater.UsageException;

/**
 * Refuses to freeze the machine of someone who starts the eater by hand. Internal: no compatibility promise.
 *
 * <pre>{@code
 * String why = WorkstationGuard.check(target, options.size().text(), options.iKnow(), facts);   // "fits", ...
 * }</pre>
 *
 * <p>The rule, checked in this order:
 * <ol>
 *   <li>{@code --i-know}: allowed ({@code "i-know"}).
 *   <li>In a Kubernetes container ({@code KUBERNETES_SERVICE_HOST} is set): allowed ({@code "kubernetes"}).
 *       Starving the node is the experiment, and the kubelet, not this guard, decides what survives.
 *       {@code /proc/meminfo} there shows the host's memory anyway, not the node's budget.
 *   <li>A cgroup memory limit no larger than {@code MemAvailable} confines this process: allowed
 *       ({@code "cgroup-limit"}): the kernel OOM-kills the eater inside its cgroup long before the host suffers.
 *   <li>Otherwise the size must be at most 75% of {@code MemAvailable} ({@code "fits"}), else exit 64.
 *       Without swap, filling the rest evicts the page cache that keeps a desktop responsive and then wakes
 *       the OOM killer, which may pick the browser or the IDE instead of the eater.
 * </ol>
 */
public final class WorkstationGuard {
    /** Share of {@code MemAvailable} an unconfined eater may fill without {@code --i-know}. */
    public static final double MAX_SHARE_OF_AVAILABLE = 0.75;

    private WorkstationGuard() {
    }

    /**
     * @param targetBytes the resolved size
     * @param sizeText    {@code --size} as given, for the message
     * @param iKnow       whether {@code --i-know} was given
     * @param facts       the machine
     * @return why it is allowed: {@code i-know}, {@code kubernetes}, {@code cgroup-limit} or {@code fits}
     * @throws UsageException naming {@code --size}, the value, what was measured and three ways out
     */
    public static String check(long targetBytes, String sizeText, boolean iKnow, HostFacts facts) {
        long available = facts.memInfo().availableBytes();
        if (iKnow) {
            return "i-know";
        }
        if (facts.inKubernetes()) {
            return "kubernetes";
        }
        if (facts.cgroup() instanceof CgroupLimit.Limited l && l.bytes() <= available) {
            return "cgroup-limit";
        }
        if (targetBytes <= (long) (available * MAX_SHARE_OF_AVAILABLE)) {
            return "fits";
        }
        long suggestion = Math.max(1L << 20, (long) (available * 0.5)) & -(1L << 20);
        throw new UsageException("--size", sizeText, "`--size` " + sizeText + " is " + human(targetBytes)
                + ", more than 75% of this machine's available memory (MemAvailable " + human(available)
                + "), and no cgroup memory limit confines this process (" + facts.cgroup().describe()
                + "): filling it could freeze this machine. For example: --size " + Quantities.format(suggestion)
                + "; or run it in a container with a memory limit (docker run --memory 2g ...); "
                + "or add --i-know if this machine is meant to suffer.");
    }

    static String human(long bytes) {
        return bytes >= 1L << 30
                ? Math.round(bytes * 10.0 / (1L << 30)) / 10.0 + " GiB"
                : Math.round(bytes * 10.0 / (1L << 20)) / 10.0 + " MiB";
    }
}
