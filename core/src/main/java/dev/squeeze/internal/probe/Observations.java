package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogSample;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.PodSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Where probes put what they saw; many probe threads write, the experiment reads. Lists come back sorted by time,
 * because probes on different threads finish out of order. A sample made on a tick the {@link Sampler} has already
 * recorded as unobserved (it gave up waiting at close) is dropped, so every tick has exactly one record.
 *
 * <!-- sample(NodeSample nodeSample) -->
 * <pre>{@code
 * Observations seen = new Observations();
 * seen.add(nodeSample);
 * seen.latestNode().map(NodeSample::memoryPressure);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Observations {

    private final ConcurrentLinkedQueue<ApiSample> api = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<NodeSample> node = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<NodeSample> otherNodes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PodSample> pods = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<HogSample> hog = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EventRecord> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<HttpSample> http = new ConcurrentLinkedQueue<>();
    private volatile NodeSample latestNode;

    public void add(ApiSample s) {
        if (TickRun.deliver()) {
            api.add(s);
        }
    }

    public void add(NodeSample s) {
        if (!TickRun.deliver()) {
            return;
        }
        node.add(s);
        NodeSample previous = latestNode;
        if (previous == null || !s.at().isBefore(previous.at())) {
            latestNode = s;
        }
    }

    /** A sample of a node other than the target ({@link ClusterNodesProbe}). */
    public void addOther(NodeSample s) {
        if (TickRun.deliver()) {
            otherNodes.add(s);
        }
    }

    public void add(PodSample s) {
        if (TickRun.deliver()) {
            pods.add(s);
        }
    }

    public void add(HogSample s) {
        hog.add(s);
    }

    public void add(EventRecord s) {
        events.add(s);
    }

    public void add(HttpSample s) {
        if (TickRun.deliver()) {
            http.add(s);
        }
    }

    /** The most recent node sample, if the node probe has answered at least once. */
    public Optional<NodeSample> latestNode() {
        return Optional.ofNullable(latestNode);
    }

    public List<ApiSample> api() {
        return sorted(api, ApiSample::at);
    }

    public List<NodeSample> node() {
        return sorted(node, NodeSample::at);
    }

    /** The samples of every node but the target, sorted by time. */
    public List<NodeSample> otherNodes() {
        return sorted(otherNodes, NodeSample::at);
    }

    public List<PodSample> pods() {
        return sorted(pods, PodSample::at);
    }

    public List<HogSample> hog() {
        return sorted(hog, HogSample::at);
    }

    public List<EventRecord> events() {
        return sorted(events, EventRecord::at);
    }

    public List<HttpSample> http() {
        return sorted(http, HttpSample::at);
    }

    private static <T> List<T> sorted(ConcurrentLinkedQueue<T> queue, Function<T, Instant> at) {
        List<T> copy = new ArrayList<>(queue);
        copy.sort(Comparator.comparing(at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(copy);
    }
}
