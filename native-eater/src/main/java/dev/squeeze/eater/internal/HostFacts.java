package dev.squeeze.eater.internal;

import java.io.IOException;

/**
 * What the eater needs to know about its machine before it maps anything, read once at start.
 * Internal: no compatibility promise.
 *
 * <pre>{@code
 * HostFacts facts = HostFacts.read(Host.live());
 * facts.memInfo().availableBytes();
 * }</pre>
 *
 * @param cgroup       the memory limit of this process's cgroup
 * @param memInfo      {@code MemTotal} and {@code MemAvailable}
 * @param inKubernetes whether this process runs in a Kubernetes container
 * @param pageSize     the page size: the stride of {@code --strategy touch}
 */
public record HostFacts(CgroupLimit cgroup, ProcFs.MemInfo memInfo, boolean inKubernetes, long pageSize) {
    /**
     * @param host where to look
     * @return the facts
     * @throws IOException if {@code /proc/meminfo} cannot be read
     */
    public static HostFacts read(Host host) throws IOException {
        ProcFs proc = new ProcFs(host.procRoot());
        return new HostFacts(CgroupMemory.read(host), proc.memInfo(), host.inKubernetes(), proc.pageSize());
    }
}
