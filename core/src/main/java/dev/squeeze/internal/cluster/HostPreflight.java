package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import com.github.dockerjava.api.model.Info;
import dev.squeeze.units.MemorySize;

import java.util.List;
import java.util.Locale;

/**
 * What a k3s node depends on in the Docker host, in one line a user can paste into a bug report: cgroup version and
 * driver, whether a privileged container is possible, the host's MemTotal and the one seen inside the node, the
 * Docker version. Logged once per node start, and attached to a failed start.
 *
 * <!-- sample(com.github.dockerjava.api.DockerClient docker) -->
 * <pre>{@code
 * HostPreflight.of(docker.infoCmd().exec()).describe();
 * // "Docker 20.10.24 on Debian GNU/Linux 12 (kernel 6.1.0), cgroup v1 driver cgroupfs, privileged: yes, ..."
 * }</pre>
 *
 * @param dockerVersion  the daemon's version
 * @param os             the daemon host's operating system
 * @param kernel         the daemon host's kernel
 * @param cgroupVersion  {@code 1} or {@code 2} (Docker reports {@code ""} before 20.10: v1)
 * @param cgroupDriver   {@code cgroupfs} or {@code systemd}
 * @param securityOptions Docker's security options ({@code name=rootless}, {@code name=userns}, ...)
 * @param memTotal       the host's MemTotal as Docker reports it
 */
@API(status = INTERNAL, since = "0.1")
public record HostPreflight(String dockerVersion, String os, String kernel, String cgroupVersion,
                            String cgroupDriver, List<String> securityOptions, MemorySize memTotal) {

    public HostPreflight {
        securityOptions = List.copyOf(securityOptions);
    }

    /** From {@code docker info}. */
    public static HostPreflight of(Info info) {
        String version = info.getCGroupVersion() == null || info.getCGroupVersion().isBlank() ? "1"
                : info.getCGroupVersion();
        return new HostPreflight(orUnknown(info.getServerVersion()), orUnknown(info.getOperatingSystem()),
                orUnknown(info.getKernelVersion()), version, orUnknown(info.getCGroupDriver()),
                info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions(),
                MemorySize.ofBytes(info.getMemTotal() == null ? 0 : info.getMemTotal()));
    }

    public boolean cgroupV1() {
        return !"2".equals(cgroupVersion);
    }

    /** Rootless Docker or user-namespace remapping: a privileged container cannot write the host's cgroups. */
    public boolean privilegedPossible() {
        return !rootless() && !userns();
    }

    /** A rootless daemon: rootless Docker ({@code dockerd-rootless.sh}) or rootless Podman's Docker API. */
    public boolean rootless() {
        return hasSecurityOption("name=rootless");
    }

    /** A rootful daemon with user-namespace remapping ({@code dockerd --userns-remap}). */
    public boolean userns() {
        return hasSecurityOption("name=userns");
    }

    /** The systemd cgroup driver: a {@code --cgroup-parent} must then be a slice name such as {@code x.slice}. */
    public boolean systemdDriver() {
        return "systemd".equalsIgnoreCase(cgroupDriver);
    }

    /**
     * Why no k3s node can start on this daemon, or empty when one can. Checked before any container starts: a k3s
     * node needs a privileged container that owns the host's cgroups, and in a user namespace (rootless Docker or
     * Podman, or {@code --userns-remap}) k3s skips its cgroup v2 evacuation and its kubelet then fails on the missing
     * cpu, cpuset and memory controllers (k3s-io/k3s pkg/cli/cmds/init_linux.go), after minutes of waiting.
     */
    public java.util.Optional<String> refusal() {
        if (privilegedPossible()) {
            return java.util.Optional.empty();
        }
        String what = rootless() ? "runs rootless" : "remaps user namespaces (--userns-remap)";
        String fix = rootless()
                ? "run the tests against a rootful Docker daemon (for rootless Docker next to a rootful one:"
                + " DOCKER_HOST=unix:///var/run/docker.sock; for Podman: `sudo podman system service` and its root"
                + " socket)"
                : "run the tests against a Docker daemon without --userns-remap (or start the container with"
                + " --userns=host, which Squeeze does not do)";
        return java.util.Optional.of("Squeeze cannot start a k3s node on this Docker daemon: it " + what + " (`docker"
                + " info` security options: " + String.join(", ", securityOptions) + "), so its containers run in a"
                + " user namespace where a privileged container cannot own the host's cgroups; k3s would start and"
                + " its kubelet then fail on the missing cpu, cpuset and memory controllers. Ways out: " + fix
                + "; or run on an existing cluster with -Dsqueeze.kubeconfig=/path/to/kubeconfig (no node is"
                + " started then)");
    }

    private boolean hasSecurityOption(String name) {
        return securityOptions.stream().map(o -> o.toLowerCase(Locale.ROOT))
                .anyMatch(o -> o.equals(name) || o.startsWith(name + ","));
    }

    /** The host part, before the node starts. */
    public String describe() {
        return "Docker " + dockerVersion + " on " + os + " (kernel " + kernel + "), cgroup v" + cgroupVersion
                + " driver " + cgroupDriver + (rootless() ? ", rootless" : "") + ", privileged: "
                + (privilegedPossible() ? "possible" : "not possible (" + String.join(",", securityOptions) + ")")
                + ", host MemTotal " + memTotal.toHuman() + " (" + memTotal.bytes() + " bytes)";
    }

    /** The whole line, once the node runs: {@code memTotalInside} is /proc/meminfo's MemTotal inside it. */
    public String describe(String image, long memTotalInside, String k3sCgroup) {
        return "k3s preflight: " + describe() + "; node " + image + " started privileged, MemTotal inside "
                + (memTotalInside == memTotal.bytes() ? "= host" : memTotalInside + " bytes (differs from the host)")
                + ", k3s (PID 1) in cgroup " + k3sCgroup;
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
