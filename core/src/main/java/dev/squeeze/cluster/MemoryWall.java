package dev.squeeze.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Whether the declared node memory is a physical wall that k3s itself and its pods share, as on a real machine.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum MemoryWall {
    /**
     * A physical wall: on cgroup v2 a private cgroup namespace with {@code --memory=N --memory-swap=N}; on cgroup v1
     * a common parent cgroup limited to N for the k3s container and the kubelet's pods. Needed to reproduce an API
     * server starving. The default.
     */
    PHYSICAL,
    /**
     * Only kubelet accounting (reservations and eviction thresholds make the node look like N); k3s and pods can use
     * the host's memory beyond it.
     */
    ACCOUNTING_ONLY
}
