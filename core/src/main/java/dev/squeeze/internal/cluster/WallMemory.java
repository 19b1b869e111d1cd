package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.probe.NodeMemorySource;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node's memory read at its wall, as the kubelet computes a working set: usage minus inactive file pages.
 *
 * <ul>
 *   <li>cgroup v1: the parent {@code /squeeze-<id>} that holds k3s and its pods, {@code memory.usage_in_bytes} minus
 *       {@code total_inactive_file} of {@code memory.stat}. Read from this host's {@code /sys/fs/cgroup} when the
 *       directory is there (the JVM runs on the Docker host: a file read, no process), else through
 *       {@code docker exec} in the k3s container, whose {@code /sys/fs/cgroup} is the host's (remote Docker).</li>
 *   <li>cgroup v2 (private namespace): the container's own cgroup, {@code memory.current} minus {@code inactive_file},
 *       through {@code docker exec}.</li>
 * </ul>
 * A source that cannot be read gives "unavailable" with the reason, never 0.
 */
@API(status = INTERNAL, since = "0.1")
public final class WallMemory implements NodeMemorySource {

    private final GenericContainer<?> container;
    private final boolean cgroupV1;
    private final String parent;
    private final Path hostDir;
    private final WallPressure pressure;

    WallMemory(GenericContainer<?> container, boolean cgroupV1, String parent, Path cgroupRoot) {
        this(container, cgroupV1, parent, cgroupRoot, java.nio.file.Paths.get("/proc/pressure/memory"));
    }

    /** @param hostPsi the host's PSI file, {@code /proc/pressure/memory} */
    WallMemory(GenericContainer<?> container, boolean cgroupV1, String parent, Path cgroupRoot, Path hostPsi) {
        this(container, cgroupV1, parent, cgroupRoot, hostPsi, false);
    }

    /** @param swap whether the node has swap: its counters then carry swap in and out ({@link WallPressure}) */
    WallMemory(GenericContainer<?> container, boolean cgroupV1, String parent, Path cgroupRoot, Path hostPsi,
               boolean swap) {
        this.container = container;
        this.cgroupV1 = cgroupV1;
        this.parent = parent;
        this.hostDir = cgroupRoot.resolve("memory").resolve(parent);
        this.pressure = new WallPressure(container, cgroupV1, parent, hostDir, hostPsi, swap);
    }

    /** PSI and the wall cgroup's event counters ({@link WallPressure}). */
    @Override
    public dev.squeeze.report.PressureStall pressure() {
        return pressure.read();
    }

    @Override
    public Reading read() {
        try {
            if (cgroupV1 && Files.isReadable(hostDir.resolve("memory.usage_in_bytes"))) {
                long usage = Long.parseLong(Files.readString(hostDir.resolve("memory.usage_in_bytes")).strip());
                long inactive = statValue(Files.readString(hostDir.resolve("memory.stat")), "total_inactive_file");
                return new Reading(workingSet(usage, inactive), "cgroup v1 memory:/" + parent
                        + " usage_in_bytes - total_inactive_file (read from this host's " + hostDir + ")");
            }
            String dir = cgroupV1 ? "/sys/fs/cgroup/memory/" + parent : "/sys/fs/cgroup";
            String usageFile = cgroupV1 ? "memory.usage_in_bytes" : "memory.current";
            String inactiveKey = cgroupV1 ? "total_inactive_file" : "inactive_file";
            ExecResult r = container.execInContainer("cat", dir + "/" + usageFile, dir + "/memory.stat");
            if (r.getExitCode() != 0) {
                return Reading.unavailable("`cat " + dir + "/" + usageFile + "` in the k3s container exited "
                        + r.getExitCode() + ": " + r.getStderr().strip());
            }
            String out = r.getStdout();
            long usage = Long.parseLong(out.lines().findFirst().orElse("").strip());
            long inactive = statValue(out, inactiveKey);
            return new Reading(workingSet(usage, inactive), (cgroupV1 ? "cgroup v1 memory:/" + parent
                    + " usage_in_bytes - total_inactive_file" : "cgroup v2 container cgroup memory.current - inactive_file")
                    + " (read with docker exec in the k3s container)");
        } catch (IOException | RuntimeException e) {
            return Reading.unavailable("the wall's memory cgroup could not be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reading.unavailable("interrupted while reading the wall's memory cgroup");
        }
    }

    static long workingSet(long usage, long inactiveFile) {
        return Math.max(0, usage - inactiveFile);
    }

    /** A {@code key value} line of {@code memory.stat}. */
    static long statValue(String stat, String key) {
        return stat.lines().map(String::strip).filter(l -> l.startsWith(key + " "))
                .mapToLong(l -> Long.parseLong(l.substring(key.length() + 1).strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no `" + key + "` in memory.stat"));
    }
}
