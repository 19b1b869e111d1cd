package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM that started a k3s node: its host, process id and start time. Written on what Squeeze starts (Docker labels
 * on the k3s container, the name of the v1 cgroup parent), so that a later run can tell a leftover of a killed JVM
 * ({@code kill -9}, no Ryuk) from another run that is still alive. The start time tells a live process from a reused
 * pid.
 *
 * <pre>{@code
 * Owner me = Owner.current();
 * me.labels();                      // dev.squeeze.owner.host=ci-7, dev.squeeze.owner.pid=4711, ...
 * me.cgroupTag();                   // "h3f9a1c2e-4711-t5kx2p9" (in /squeeze-h3f9a1c2e-4711-t5kx2p9-b7k2x)
 * }</pre>
 *
 * @param host        the host name, for people reading {@code docker inspect}
 * @param hostTag     a short stable hash of the host name, compared between runs
 * @param pid         the JVM's process id
 * @param startSecond the JVM's start time in epoch seconds; 0 when the platform does not say
 */
@API(status = INTERNAL, since = "0.1")
public record Owner(String host, String hostTag, long pid, long startSecond) {

    static final String LABEL_HOST = "dev.squeeze.owner.host";
    static final String LABEL_HOST_TAG = "dev.squeeze.owner.host-tag";
    static final String LABEL_PID = "dev.squeeze.owner.pid";
    static final String LABEL_START = "dev.squeeze.owner.start-epoch-second";
    static final String LABEL_CGROUP_PARENT = "dev.squeeze.cgroup-parent";

    /** {@code squeeze-<hostTag>-<pid>-t<start base 36>-<random>}: what {@link #cgroupTag()} makes, plus the node id. */
    private static final Pattern CGROUP = Pattern.compile("squeeze-(h[0-9a-f]{8})-(\\d+)-t([0-9a-z]+)-[0-9a-z]+");

    /** How far two readings of one process's start time may differ (they are derived from clock ticks and boot time). */
    private static final long START_TOLERANCE_SECONDS = 2;

    /** What the process table says about a pid. */
    interface Processes {
        /** Empty when no such process; else its start in epoch seconds, or 0 when unknown. */
        OptionalLong startSecond(long pid);

        Processes SYSTEM = pid -> ProcessHandle.of(pid)
                .map(p -> OptionalLong.of(p.info().startInstant().map(i -> i.getEpochSecond()).orElse(0L)))
                .orElse(OptionalLong.empty());
    }

    /** This JVM. */
    static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        String host = hostName();
        return new Owner(host, tagOf(host), self.pid(),
                self.info().startInstant().map(i -> i.getEpochSecond()).orElse(0L));
    }

    /** The Docker labels that name this owner. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_HOST, host);
        labels.put(LABEL_HOST_TAG, hostTag);
        labels.put(LABEL_PID, Long.toString(pid));
        labels.put(LABEL_START, Long.toString(startSecond));
        return labels;
    }

    /** The owner named by a container's labels; empty when they are not Squeeze's or are malformed. */
    static Optional<Owner> fromLabels(Map<String, String> labels) {
        try {
            String tag = labels.get(LABEL_HOST_TAG);
            String pid = labels.get(LABEL_PID);
            String start = labels.get(LABEL_START);
            if (tag == null || pid == null || start == null) {
                return Optional.empty();
            }
            return Optional.of(new Owner(labels.getOrDefault(LABEL_HOST, "?"), tag, Long.parseLong(pid),
                    Long.parseLong(start)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The owner part of a v1 cgroup parent's name: {@code h<hostTag>-<pid>-t<start base 36>}. */
    String cgroupTag() {
        return hostTag + "-" + pid + "-t" + Long.toString(startSecond, 36);
    }

    /** The owner named by a cgroup directory {@code squeeze-<cgroupTag>-<id>}; empty for any other name. */
    static Optional<Owner> fromCgroupName(String name) {
        Matcher m = CGROUP.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner("?", m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3), 36)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this owner is a JVM on {@code here}'s host that no longer runs: its pid is gone, or now belongs to a
     * process that started at another time. An owner on another host, or one whose start time cannot be compared, is
     * never gone (another live run's resources are never touched).
     */
    boolean goneSeenFrom(Owner here, Processes processes) {
        if (!hostTag.equals(here.hostTag)) {
            return false;
        }
        if (pid == here.pid) {
            return startSecond != 0 && here.startSecond != 0
                    && Math.abs(startSecond - here.startSecond) > START_TOLERANCE_SECONDS;
        }
        OptionalLong start = processes.startSecond(pid);
        if (start.isEmpty()) {
            return true;
        }
        long now = start.getAsLong();
        return now != 0 && startSecond != 0 && Math.abs(now - startSecond) > START_TOLERANCE_SECONDS;
    }

    String describe() {
        return "JVM pid " + pid + " on " + host + " started at epoch second " + startSecond;
    }

    static String tagOf(String host) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env != null && !env.isBlank() ? env : "localhost";
        }
    }
}
