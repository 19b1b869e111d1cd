package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM that started a k3s node. Written on what Squeeze starts (Docker labels on the k3s container, the name of the
 * v1 cgroup parent). Host, pid and start time are for people reading {@code docker inspect}; they prove nothing about
 * liveness (in a CI container the pid is in a namespace of its own, and jobs on one daemon share a host name and even
 * a pid). Only the random {@link #token()} identifies a JVM; whether an owner is gone is proven by its node's
 * {@link OwnerWatchdog}, never by a process table.
 *
 * <pre>{@code
 * Owner me = Owner.current();
 * me.labels();                      // dev.squeeze.owner.host=ci-7, dev.squeeze.owner.pid=4711, ...
 * me.cgroupTag();                   // "h3f9a1c2e-4711-t5kx2p9" (in /squeeze-h3f9a1c2e-4711-t5kx2p9-b7k2x)
 * }</pre>
 *
 * @param host        the host name
 * @param hostTag     a short stable hash of the host name
 * @param pid         the JVM's process id, as this JVM sees it
 * @param startSecond the JVM's start time in epoch seconds; 0 when the platform does not say
 * @param token       random, drawn once per JVM: the one field that tells two JVMs apart; empty when unknown
 */
@API(status = INTERNAL, since = "0.1")
public record Owner(String host, String hostTag, long pid, long startSecond, String token) {

    static final String LABEL_HOST = "dev.squeeze.owner.host";
    static final String LABEL_HOST_TAG = "dev.squeeze.owner.host-tag";
    static final String LABEL_PID = "dev.squeeze.owner.pid";
    static final String LABEL_START = "dev.squeeze.owner.start-epoch-second";
    static final String LABEL_TOKEN = "dev.squeeze.owner.token";
    static final String LABEL_CGROUP_PARENT = "dev.squeeze.cgroup-parent";

    private static final String TOKEN = randomToken();

    /** This JVM. */
    static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        String host = hostName();
        return new Owner(host, tagOf(host), self.pid(),
                self.info().startInstant().map(i -> i.getEpochSecond()).orElse(0L), TOKEN);
    }

    /** The Docker labels that name this owner. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_HOST, host);
        labels.put(LABEL_HOST_TAG, hostTag);
        labels.put(LABEL_PID, Long.toString(pid));
        labels.put(LABEL_START, Long.toString(startSecond));
        labels.put(LABEL_TOKEN, token);
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
                    Long.parseLong(start), labels.getOrDefault(LABEL_TOKEN, "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The owner part of a v1 cgroup parent's name: {@code h<hostTag>-<pid>-t<start base 36>}. */
    String cgroupTag() {
        return hostTag + "-" + pid + "-t" + Long.toString(startSecond, 36);
    }

    /** Whether {@code other} is this very JVM (same token); never true for an owner without a token. */
    boolean sameJvm(Owner other) {
        return !token.isEmpty() && token.equals(other.token);
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

    private static String randomToken() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
