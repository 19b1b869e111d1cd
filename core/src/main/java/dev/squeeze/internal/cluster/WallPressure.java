package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.PressureStall;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Memory pressure stall (PSI) and the memory cgroup's event counters at the node's wall, read once per tick beside
 * {@link WallMemory}.
 *
 * <ul>
 *   <li>cgroup v1 has no per-cgroup PSI: the host-wide {@code /proc/pressure/memory} (every process on the host, so
 *       marked {@code host-wide}), and the wall's {@code memory.oom_control} and {@code memory.failcnt}. Read from this
 *       host's files when the wall's directory is there, else with {@code docker exec} in the k3s container (whose
 *       {@code /proc/pressure} is the host's too).</li>
 *   <li>cgroup v2: the container cgroup's (the wall's) {@code memory.pressure} and {@code memory.events}, with
 *       {@code docker exec}.</li>
 * </ul>
 * What cannot be read is unavailable with the reason, never 0. A node with swap adds swap in and out to the counters:
 * <ul>
 *   <li>cgroup v1: {@code swap} = the wall's {@code memory.memsw.usage_in_bytes - memory.usage_in_bytes} (bytes of the
 *       node in swap), and {@code host_pswpin}/{@code host_pswpout} from {@code /proc/vmstat}: pages swapped in and out
 *       by the whole host (v1 has no per-cgroup swap-in count), hence the prefix.</li>
 *   <li>cgroup v2: {@code swap} = the wall's {@code memory.swap.current}, and {@code pswpin}/{@code pswpout} of its
 *       {@code memory.stat} where the kernel has them.</li>
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class WallPressure {

    static final String SEPARATOR = "---squeeze---";

    private final GenericContainer<?> container;
    private final boolean cgroupV1;
    private final String parent;
    private final Path hostDir;
    private final Path hostPsi;
    private final boolean swap;

    WallPressure(GenericContainer<?> container, boolean cgroupV1, String parent, Path hostDir, Path hostPsi) {
        this(container, cgroupV1, parent, hostDir, hostPsi, false);
    }

    WallPressure(GenericContainer<?> container, boolean cgroupV1, String parent, Path hostDir, Path hostPsi,
                 boolean swap) {
        this.container = container;
        this.cgroupV1 = cgroupV1;
        this.parent = parent;
        this.hostDir = hostDir;
        this.hostPsi = hostPsi;
        this.swap = swap;
    }

    PressureStall read() {
        PressureStall stall = readStall();
        if (!swap) {
            return stall;
        }
        try {
            Map<String, Long> events = new java.util.LinkedHashMap<>(stall.events());
            String source = readSwap(events);
            return stall.withEvents(stall.eventsSource() == null ? source : stall.eventsSource() + "; " + source,
                    events);
        } catch (IOException | RuntimeException e) {
            return stall.withEvents((stall.eventsSource() == null ? "" : stall.eventsSource() + "; ")
                    + "swap unavailable: " + e, stall.events());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stall;
        }
    }

    /** Adds the swap counters to {@code events}; returns where they came from. */
    String readSwap(Map<String, Long> events) throws IOException, InterruptedException {
        if (cgroupV1) {
            String memsw;
            String usage;
            String vmstat;
            String how;
            if (Files.isReadable(hostDir.resolve("memory.memsw.usage_in_bytes"))) {
                memsw = Files.readString(hostDir.resolve("memory.memsw.usage_in_bytes"));
                usage = Files.readString(hostDir.resolve("memory.usage_in_bytes"));
                vmstat = Files.readString(Path.of("/proc/vmstat"));
                how = "read from this host";
            } else {
                String dir = "/sys/fs/cgroup/memory/" + parent;
                String[] parts = exec("cat " + dir + "/memory.memsw.usage_in_bytes; echo " + SEPARATOR + "; cat " + dir
                        + "/memory.usage_in_bytes; echo " + SEPARATOR + "; cat /proc/vmstat");
                memsw = parts[0];
                usage = part(parts, 1);
                vmstat = part(parts, 2);
                how = "read with docker exec in the k3s container";
            }
            events.put("swap", Math.max(0, Long.parseLong(memsw.strip()) - Long.parseLong(usage.strip())));
            Map<String, Long> vm = PressureStall.parseCounters(vmstat);
            putIfThere(events, "host_pswpin", vm.get("pswpin"));
            putIfThere(events, "host_pswpout", vm.get("pswpout"));
            return "swap: cgroup v1 memory:/" + parent + " memsw.usage_in_bytes - usage_in_bytes; host_pswpin/"
                    + "host_pswpout: host-wide /proc/vmstat pages, every process on the host (" + how + ")";
        }
        String[] parts = exec("cat /sys/fs/cgroup/memory.swap.current; echo " + SEPARATOR
                + "; cat /sys/fs/cgroup/memory.stat");
        events.put("swap", Long.parseLong(parts[0].strip()));
        Map<String, Long> stat = PressureStall.parseCounters(part(parts, 1));
        putIfThere(events, "pswpin", stat.get("pswpin"));
        putIfThere(events, "pswpout", stat.get("pswpout"));
        return "swap: cgroup v2 memory.swap.current, pswpin/pswpout of memory.stat of the node's container cgroup";
    }

    private static void putIfThere(Map<String, Long> events, String key, Long value) {
        if (value != null) {
            events.put(key, value);
        }
    }

    private PressureStall readStall() {
        try {
            if (cgroupV1 && Files.isReadable(hostDir.resolve("memory.oom_control"))) {
                PressureStall psi = Files.isReadable(hostPsi)
                        ? PressureStall.parsePressure(hostWideSource(hostPsi.toString(), "read from this host"),
                        Files.readString(hostPsi))
                        : PressureStall.unavailable(hostPsi + " is not readable on this host (kernel without PSI, or"
                        + " booted with psi=0)");
                Map<String, Long> events = PressureStall.parseV1Events(
                        Files.readString(hostDir.resolve("memory.oom_control")),
                        readIfThere(hostDir.resolve("memory.failcnt")));
                return psi.withEvents(v1EventsSource("read from this host's " + hostDir), events);
            }
            return cgroupV1 ? v1InContainer() : v2InContainer();
        } catch (IOException | RuntimeException e) {
            return PressureStall.unavailable("the wall's pressure files could not be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PressureStall.unavailable("interrupted while reading the wall's pressure files");
        }
    }

    private PressureStall v1InContainer() throws IOException, InterruptedException {
        String dir = "/sys/fs/cgroup/memory/" + parent;
        String[] parts = exec("cat /proc/pressure/memory; echo " + SEPARATOR + "; cat " + dir + "/memory.oom_control;"
                + " echo " + SEPARATOR + "; cat " + dir + "/memory.failcnt");
        PressureStall psi = PressureStall.parsePressure(
                hostWideSource("/proc/pressure/memory", "read with docker exec in the k3s container"), parts[0]);
        return psi.withEvents(v1EventsSource("read with docker exec in the k3s container"),
                PressureStall.parseV1Events(part(parts, 1), part(parts, 2)));
    }

    private PressureStall v2InContainer() throws IOException, InterruptedException {
        String[] parts = exec("cat /sys/fs/cgroup/memory.pressure; echo " + SEPARATOR
                + "; cat /sys/fs/cgroup/memory.events");
        PressureStall psi = PressureStall.parsePressure("cgroup v2 memory.pressure of the node's container cgroup (its"
                + " memory wall; read with docker exec in the k3s container)", parts[0]);
        return psi.withEvents("cgroup v2 memory.events of the node's container cgroup", PressureStall.parseCounters(
                part(parts, 1)));
    }

    /** Runs {@code script} in the container; stdout split at the separators (stderr ends up in the failing part). */
    private String[] exec(String script) throws IOException, InterruptedException {
        ExecResult r = container.execInContainer("sh", "-c", script + " 2>&1");
        return r.getStdout().split("\\R?" + SEPARATOR + "\\R?", -1);
    }

    static String hostWideSource(String file, String how) {
        return PressureStall.HOST_WIDE + file + " (cgroup v1 has no per-cgroup PSI: every process on the host, not only"
                + " the node; " + how + ")";
    }

    private String v1EventsSource(String how) {
        return "cgroup v1 memory:/" + parent + " memory.oom_control, memory.failcnt (" + how + ")";
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.isReadable(file) ? Files.readString(file) : null;
    }
}
