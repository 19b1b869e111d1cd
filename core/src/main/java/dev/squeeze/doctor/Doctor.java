package dev.squeeze.doctor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import dev.squeeze.internal.cluster.HostPreflight;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.units.MemorySize;
import org.slf4j.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Squeeze can do on this machine, one line per capability: {@code ok}, {@code degraded: what} or
 * {@code will fail: why + fix}. Run it before writing a test; the first node start of a JVM logs the same lines.
 *
 * <pre class="language-shell">{@code
 * java -cp "$(cat cp.txt)" dev.squeeze.doctor.Doctor      # cp.txt: mvn dependency:build-classpath -Dmdep.outputFile=cp.txt
 * }</pre>
 * Exit code 0 when nothing will fail, 1 otherwise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Doctor {

    private static final AtomicBoolean LOGGED = new AtomicBoolean();
    private static final Path MEMINFO = Paths.get("/proc/meminfo");
    private static final Path PSI = Paths.get("/proc/pressure/memory");

    private Doctor() {
    }

    public static void main(String[] args) {
        List<DoctorLine> lines = run();
        System.out.println("Squeeze doctor: what a k3s node can do on this machine");
        lines.forEach(l -> System.out.println("  " + l.format()));
        System.exit(lines.stream().anyMatch(l -> l.status() == DoctorLine.Status.WILL_FAIL) ? 1 : 0);
    }

    /** Gathers the facts (Docker, this JVM's view of the host, the default images) and judges them. */
    public static List<DoctorLine> run() {
        String host = envDockerHost();
        DockerClient docker;
        Info info;
        try {
            // Testcontainers' own discovery, without its client(): that starts Ryuk, may pull a check image and, in a
            // container without TESTCONTAINERS_HOST_OVERRIDE, runs one to find the gateway
            TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
            host = String.valueOf(transport.getDockerHost());
            docker = DockerClientProviderStrategy.getClientForConfig(transport);
            info = docker.infoCmd().exec();
        } catch (RuntimeException e) {
            return judge(HostFacts.unreachable(host, String.valueOf(e.getMessage())));
        }
        return judge(gather(docker, info, host));
    }

    /** The lines at a JVM's first node start, from the {@code docker info} the start read anyway. */
    public static void logOnce(DockerClient docker, Info info, Logger log) {
        if (!LOGGED.compareAndSet(false, true)) {
            return;
        }
        try {
            String host = String.valueOf(DockerClientFactory.instance().getTransportConfig().getDockerHost());
            for (DoctorLine line : judge(gather(docker, info, host))) {
                if (line.status() == DoctorLine.Status.OK) {
                    log.info("squeeze doctor: {}", line.format());
                } else {
                    log.warn("squeeze doctor: {}", line.format());
                }
            }
        } catch (RuntimeException e) {
            log.debug("squeeze doctor could not run", e);
        }
    }

    static HostFacts gather(DockerClient docker, Info info, String dockerHost) {
        HostPreflight preflight = HostPreflight.of(info);
        String notVisible = hostFilesNotVisible(dockerHost, info.getMemTotal());
        boolean visible = notVisible == null;
        Long swap = visible ? meminfo("SwapTotal") : null;
        Boolean psi = visible ? Files.isReadable(PSI) : null;
        Map<String, Boolean> images = new LinkedHashMap<>();
        for (String image : List.of(Images.defaultK3sImage(), Images.defaultJreImage())) {
            images.put(image, present(docker, image));
        }
        return new HostFacts(dockerHost, preflight, "", Boolean.TRUE.equals(info.getSwapLimit()), visible,
                visible ? "this JVM runs on the Docker host" : notVisible, swap, psi, images);
    }

    /** The verdicts, one per capability, in a fixed order. Pure: no Docker. */
    static List<DoctorLine> judge(HostFacts f) {
        List<DoctorLine> lines = new ArrayList<>();
        if (f.preflight() == null) {
            lines.add(DoctorLine.willFail("docker", "no Docker daemon answered at " + f.dockerHost() + ": "
                    + f.unreachable() + ". Fix: start Docker or point DOCKER_HOST at it; or run on an existing"
                    + " cluster with -Dsqueeze.kubeconfig=/path/to/kubeconfig"));
            return lines;
        }
        HostPreflight p = f.preflight();
        String daemon = "Docker " + p.dockerVersion() + " at " + f.dockerHost() + " (" + p.os() + ", kernel "
                + p.kernel() + ")";
        lines.add(p.refusal().map(why -> DoctorLine.willFail("docker", daemon + ": " + why))
                .orElseGet(() -> DoctorLine.ok("docker", daemon + ", rootful")));
        lines.add(cgroup(p));
        lines.add(swap(f));
        lines.add(p.privilegedPossible()
                ? DoctorLine.ok("privileged", "privileged containers possible (the node runs privileged)")
                : DoctorLine.willFail("privileged", "not possible: the daemon's containers run in a user namespace ("
                + String.join(", ", p.securityOptions()) + "); see the docker line for the ways out"));
        lines.add(hostFiles(f, p));
        lines.add(psi(f, p));
        f.images().forEach((image, present) -> lines.add(present
                ? DoctorLine.ok("image", image + " present locally")
                : DoctorLine.degraded("image", image + " not present locally: pulled at the first start (needs a"
                + " registry; on an air-gapped runner `docker load` it first)")));
        return lines;
    }

    private static DoctorLine cgroup(HostPreflight p) {
        String seen = "cgroup v" + p.cgroupVersion() + ", driver " + p.cgroupDriver();
        if (!p.privilegedPossible()) {
            return DoctorLine.willFail("cgroup", seen + ": no cgroups a node could own (see the docker line)");
        }
        if (!p.cgroupV1()) {
            return DoctorLine.ok("cgroup", seen + ": the wall is the node container's own cgroup (private cgroup"
                    + " namespace, --memory = --memory-swap)");
        }
        return DoctorLine.ok("cgroup", seen + (p.systemdDriver()
                ? ": the wall is the slice squeeze-<id>.slice (/squeeze.slice/squeeze-<id>.slice), the kubelet's"
                + " cgroup root"
                : ": the wall is the parent cgroup /squeeze-<id>, the kubelet's cgroup root"));
    }

    private static DoctorLine swap(HostFacts f) {
        String host = f.hostSwapBytes() == null ? "the host's swap is not visible from here"
                : f.hostSwapBytes() == 0 ? "the host has no swap"
                : "the host has " + MemorySize.ofBytes(f.hostSwapBytes()).toHuman() + " of swap";
        if (f.swapLimitSupport()) {
            return DoctorLine.ok("swap", "swap accounting on (docker info SwapLimit): the wall allows no swap; " + host);
        }
        if (f.hostSwapBytes() != null && f.hostSwapBytes() == 0) {
            return DoctorLine.ok("swap", "no swap accounting, but " + host + ": the wall is hard");
        }
        String fix = "Fix: boot with swapaccount=1 (cgroup v1) or a kernel with swap accounting (v2), or `swapoff -a`"
                + " on the Docker host, or declare MemoryWall.ACCOUNTING_ONLY (a soft wall, marked so in the report)";
        if (f.hostSwapBytes() == null) {
            return DoctorLine.degraded("swap", "no swap accounting (docker info SwapLimit false) and " + host + ": if"
                    + " the host has swap, a MemoryWall.PHYSICAL node fails its start (swap would leak through the"
                    + " wall). " + fix);
        }
        return DoctorLine.willFail("swap", "no swap accounting (docker info SwapLimit false) and " + host + ": a"
                + " MemoryWall.PHYSICAL node fails its start, since swap would leak through its wall. " + fix);
    }

    private static DoctorLine hostFiles(HostFacts f, HostPreflight p) {
        if (f.hostFilesVisible()) {
            return DoctorLine.ok("host files", f.hostFilesWhy() + " and sees its /proc and /sys/fs/cgroup: "
                    + (p.cgroupV1() ? "the wall's readings are file reads"
                    : "on cgroup v2 the wall's readings are docker exec reads in the node all the same, each tick on"
                    + " a budget of its own"));
        }
        return DoctorLine.degraded("host files", f.hostFilesWhy() + ": the wall's memory and PSI readings go through"
                + " docker exec in the node (slower when the wall is full; a read that misses its per-tick budget is"
                + " unavailable for that tick), and cgroup directories a killed run leaves on the host cannot be"
                + " removed from here");
    }

    private static DoctorLine psi(HostFacts f, HostPreflight p) {
        if (f.hostPsi() == null) {
            return DoctorLine.degraded("psi", "not visible from here: the node reads "
                    + (p.cgroupV1() ? "/proc/pressure/memory" : "its cgroup's memory.pressure")
                    + " by docker exec; without PSI in the kernel (psi=0) it is reported unavailable, never 0");
        }
        if (!f.hostPsi()) {
            return DoctorLine.degraded("psi", "the host has no /proc/pressure/memory (kernel without PSI, or booted"
                    + " with psi=0): memory pressure stall is reported unavailable. Fix: boot with psi=1");
        }
        return DoctorLine.ok("psi", "/proc/pressure/memory present" + (p.cgroupV1()
                ? " (cgroup v1 has no per-cgroup PSI: host-wide, marked so in the report)"
                : " (the node's cgroup memory.pressure)"));
    }

    /** Why this JVM cannot see the Docker host's files, or {@code null} when it can. */
    static String hostFilesNotVisible(String dockerHost, Long dockerMemTotal) {
        String host = dockerHost.toLowerCase(Locale.ROOT);
        if (!host.startsWith("unix://") && !host.startsWith("npipe://")) {
            return "the daemon is remote (" + dockerHost + ")";
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "this JVM runs on " + System.getProperty("os.name") + ", the daemon in a Linux VM (Docker Desktop)";
        }
        // a file like /.dockerenv says little (images keep it); the daemon's own process in this JVM's /proc says
        // that both share the host's PID namespace, and so its /proc and /sys/fs/cgroup
        if (!daemonProcessVisible()) {
            return "no dockerd (or podman) process in this JVM's /proc: this JVM runs in a container of its own (its"
                    + " /proc and /sys/fs/cgroup are the container's) or on another machine";
        }
        Long local = meminfo("MemTotal");
        if (local == null || dockerMemTotal == null || !local.equals(dockerMemTotal)) {
            return "this JVM's MemTotal (" + local + " bytes) differs from the daemon's (" + dockerMemTotal + " bytes):"
                    + " the daemon runs on another machine or VM";
        }
        return null;
    }

    private static boolean daemonProcessVisible() {
        try (java.util.stream.Stream<Path> procs = Files.list(Paths.get("/proc"))) {
            return procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(d -> {
                        try {
                            String comm = Files.readString(d.resolve("comm")).strip();
                            return comm.equals("dockerd") || comm.equals("podman");
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String envDockerHost() {
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? "the default socket" : env;
    }

    private static Long meminfo(String key) {
        try {
            return Files.readAllLines(MEMINFO).stream().filter(l -> l.startsWith(key + ":"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
