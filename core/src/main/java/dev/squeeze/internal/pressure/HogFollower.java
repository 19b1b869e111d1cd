package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.probe.Observations;
import dev.squeeze.internal.probe.Probe;
import dev.squeeze.internal.probe.Tick;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Follows the hog's progress lines by reading the tail of its log on every tick, and keeps each line once (by the
 * eater's monotonic {@code elapsedMs}). Polling rather than streaming survives what a stream does not: the pod
 * being evicted or OOM-killed (a terminated container's log stays readable until the pod is deleted), the
 * container not having started yet, and API server outages.
 *
 * <!-- sample(KubernetesClient client, String namespace, Observations observations, Sampler sampler) -->
 * <pre>{@code
 * HogFollower follower = new HogFollower(client, namespace, "squeeze-hog-abc", observations);
 * sampler.add(follower);
 * follower.peakTouchedBytes();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class HogFollower implements Probe {

    private static final Logger LOG = LoggerFactory.getLogger(HogFollower.class);
    /** Twice a minute of lines: enough to bridge an API outage of that length without losing samples. */
    private static final int TAIL_LINES = 120;
    private static final int STDERR_LINES = 5;

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final Observations observations;
    private final Deque<String> otherLines = new ArrayDeque<>();
    private volatile long lastElapsed = -1;
    private volatile EaterLine latest;
    private volatile long peakTouched;
    private volatile boolean held;

    public HogFollower(KubernetesClient client, String namespace, String pod, Observations observations) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.observations = observations;
    }

    @Override
    public String name() {
        return "hog-log";
    }

    @Override
    public void sample(Tick tick) {
        String log;
        try {
            // one plain GET: fabric8's getLog() first waits for the pod with an informer, even with a zero timeout,
            // and on a thrashing node that informer logs a stack trace a second
            log = client.raw(logPath(namespace, pod));
        } catch (KubernetesClientException e) {
            // not started yet (ContainerCreating), deleted, or the API is down: try again next tick
            LOG.debug("hog log of {} not readable yet: {}", pod, e.getMessage());
            return;
        }
        accept(log == null ? List.of() : log.lines().toList());
    }

    /** {@code /api/v1/namespaces/<ns>/pods/<pod>/log?tailLines=120}: the last lines of the eater's log. */
    static String logPath(String namespace, String pod) {
        return "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?tailLines=" + TAIL_LINES;
    }

    /** Takes the lines of one log read; lines seen before are skipped. */
    synchronized void accept(List<String> lines) {
        for (String line : lines) {
            Optional<EaterLine> parsed = EaterLine.parse(line);
            if (parsed.isEmpty()) {
                rememberOther(line);
                continue;
            }
            EaterLine l = parsed.get();
            if (l.elapsedMs() <= lastElapsed) {
                continue;
            }
            lastElapsed = l.elapsedMs();
            latest = l;
            peakTouched = Math.max(peakTouched, l.touchedBytes());
            held |= l.holding();
            observations.add(l.toSample());
            if (!l.error().isEmpty()) {
                rememberOther(l.error());
            }
        }
    }

    private void rememberOther(String line) {
        // the kubelet answers with this text instead of a log once an evicted container is gone: not the hog's words
        if (line.isBlank() || otherLines.contains(line) || line.startsWith("unable to retrieve container logs")) {
            return;
        }
        otherLines.addLast(line.strip());
        while (otherLines.size() > STDERR_LINES) {
            otherLines.removeFirst();
        }
    }

    public Optional<EaterLine> latest() {
        return Optional.ofNullable(latest);
    }

    /** The largest touched size the eater reported. */
    public long peakTouchedBytes() {
        return peakTouched;
    }

    /** The eater's last line said it released its memory or failed: whatever the pod shows next, pressure is gone. */
    public boolean stopped() {
        EaterLine l = latest;
        return l != null && ("released".equals(l.phase()) || "failed".equals(l.phase()));
    }

    /** The eater reported phase {@code hold}: it filled its whole target. */
    public boolean reachedHold() {
        return held;
    }

    /** The last few lines that were not progress lines (JVM errors, the guard's refusal), oldest first. */
    public synchronized List<String> otherLines() {
        return List.copyOf(otherLines);
    }

    /** {@code 1.20 GiB / 1.80 GiB (ramp)} for log lines. */
    public String progress() {
        EaterLine l = latest;
        return l == null ? "not reporting yet"
                : MemorySize.ofBytes(l.touchedBytes()).toHuman() + " / " + MemorySize.ofBytes(l.targetBytes()).toHuman()
                + " (" + l.phase() + ")";
    }
}
