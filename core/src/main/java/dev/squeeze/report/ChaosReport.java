package dev.squeeze.report;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one experiment observed, in time order. Immutable; assertions and renderers read it, nothing writes it.
 *
 * <!-- sample(ChaosCluster cluster, ExperimentSpec spec) -->
 * <pre>{@code
 * ChaosReport report = Experiment.run(cluster, spec);
 * SqueezeAssertions.assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
 * }</pre>
 *
 * @param name        the experiment's name (test class and method under JUnit)
 * @param hogSpec     the hog as asked for, one line (size with its basis, rate, hold, QoS, priority)
 * @param notes       loud findings that are not samples: "the hog never reached its target", "hog was rejected"...
 * @param clusterNodes every node of the cluster at the start, the target marked; empty in reports written before
 *                    multi-node clusters (or when the nodes could not be listed)
 * @param otherNodes  the samples of every node but the target, on the same tick grid as {@code node}
 */
@API(status = STABLE, since = "0.1")
public record ChaosReport(String name, Instant started, Instant finished, ClusterFacts cluster, String hogSpec,
                          List<PhaseSpan> phases, List<ApiSample> api, List<NodeSample> node, List<PodSample> pods,
                          List<HogSample> hog, List<EventRecord> events, List<HttpSample> http,
                          HogOutcome hogOutcome, List<String> notes, List<ClusterNode> clusterNodes,
                          List<NodeSample> otherNodes) {

    public ChaosReport {
        phases = List.copyOf(phases);
        api = List.copyOf(api);
        node = List.copyOf(node);
        pods = List.copyOf(pods);
        hog = List.copyOf(hog);
        events = List.copyOf(events);
        http = List.copyOf(http);
        notes = List.copyOf(notes);
        clusterNodes = List.copyOf(clusterNodes);
        otherNodes = List.copyOf(otherNodes);
    }

    /** A report of the target node only (the shape before every node was observed). */
    public ChaosReport(String name, Instant started, Instant finished, ClusterFacts cluster, String hogSpec,
                       List<PhaseSpan> phases, List<ApiSample> api, List<NodeSample> node, List<PodSample> pods,
                       List<HogSample> hog, List<EventRecord> events, List<HttpSample> http,
                       HogOutcome hogOutcome, List<String> notes) {
        this(name, started, finished, cluster, hogSpec, phases, api, node, pods, hog, events, http, hogOutcome, notes,
                List.of(), List.of());
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }
}
