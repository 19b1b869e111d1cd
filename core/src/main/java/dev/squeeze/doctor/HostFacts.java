package dev.squeeze.doctor;

import dev.squeeze.internal.cluster.HostPreflight;

import java.util.Map;

/**
 * What {@link Doctor} judges, gathered once: {@code docker info}, where the daemon is, what this JVM can see of the
 * Docker host, and which images are present. Gathering needs Docker; judging ({@link Doctor#judge}) does not.
 *
 * @param dockerHost        where the daemon is, such as {@code unix:///var/run/docker.sock}
 * @param preflight         {@code docker info}, or {@code null} when the daemon did not answer
 * @param unreachable       why the daemon did not answer, {@code ""} when it did
 * @param swapLimitSupport  {@code docker info}'s SwapLimit: the kernel accounts swap for containers
 * @param hostFilesVisible  this JVM sees the Docker host's {@code /proc} and {@code /sys/fs/cgroup}
 * @param hostFilesWhy      why it does or does not, one phrase
 * @param hostSwapBytes     the host's SwapTotal when visible, else {@code null}
 * @param hostPsi           the host has {@code /proc/pressure/memory}, when visible, else {@code null}
 * @param images            image name to present locally
 */
record HostFacts(String dockerHost, HostPreflight preflight, String unreachable, boolean swapLimitSupport,
                 boolean hostFilesVisible, String hostFilesWhy, Long hostSwapBytes, Boolean hostPsi,
                 Map<String, Boolean> images) {

    HostFacts {
        images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
    }

    static HostFacts unreachable(String dockerHost, String why) {
        return new HostFacts(dockerHost, null, why, false, false, "Docker not reachable", null, null, Map.of());
    }
}
