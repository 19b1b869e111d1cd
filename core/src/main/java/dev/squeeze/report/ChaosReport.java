package dev.squeeze.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one experiment observed, in time order. Immutable; assertions and renderers read it, nothing writes it.
 *
 * <pre>{@code
 * ChaosReport report = Experiment.run(cluster, spec);
 * SqueezeAssertions.assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
 * }</pre>
 *
 * @param name        the experiment's name (test class and method under JUnit)
 * @param hogSpec     the hog as asked for, one line (size with its basis, rate, hold, QoS, priority)
 * @param notes       loud findings that are not samples: "the hog never reached its target", "hog was rejected"...
 */
public record ChaosReport(String name, Instant started, Instant finished, ClusterFacts cluster, String hogSpec,
                          List<PhaseSpan> phases, List<ApiSample> api, List<NodeSample> node, List<PodSample> pods,
                          List<HogSample> hog, List<EventRecord> events, List<HttpSample> http,
                          HogOutcome hogOutcome, List<String> notes) {

    public ChaosReport {
        phases = List.copyOf(phases);
        api = List.copyOf(api);
        node = List.copyOf(node);
        pods = List.copyOf(pods);
        hog = List.copyOf(hog);
        events = List.copyOf(events);
        http = List.copyOf(http);
        notes = List.copyOf(notes);
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }
}
