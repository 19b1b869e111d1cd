package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.PodSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a watched pod went unobserved during the chaos phases. A pod the probes could not see (the API server did not
 * answer, or the pod vanished) has not been shown to stay Ready, so "stayed Ready" must not pass on missing samples.
 *
 * <!-- sample(ChaosReport report, PodHistory pod) -->
 * <pre>{@code
 * List<String> gaps = PodCoverage.gaps(report, pod); // ["web-1: no samples +00:18 to +01:15 (57.0 s)"]
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class PodCoverage {

    private static final Duration MIN_GAP = Duration.ofSeconds(3);

    private PodCoverage() {
    }

    /** One line per unobserved stretch of {@code pod} longer than three ticks, such as {@code web-1: no samples +00:18 to +01:15 (57.0 s)}. */
    public static List<String> gaps(ChaosReport report, PodHistory pod) {
        List<PhaseSpan> chaos = report.phases().stream().filter(p -> PodHistory.CHAOS.contains(p.phase())).toList();
        if (chaos.isEmpty()) {
            return List.of();
        }
        Instant from = chaos.get(0).start();
        Instant to = chaos.get(chaos.size() - 1).end();
        Duration allowed = allowedGap(report.api());
        List<Instant> seen = report.pods().stream()
                .filter(s -> s.namespace().equals(pod.namespace()) && s.name().equals(pod.name()))
                .map(PodSample::at).filter(t -> !t.isBefore(from) && !t.isAfter(to)).sorted().toList();
        List<String> out = new ArrayList<>();
        Instant previous = from;
        for (Instant t : seen) {
            gap(report.started(), pod, previous, t, allowed, out);
            previous = t;
        }
        gap(report.started(), pod, previous, to, allowed, out);
        return out;
    }

    private static void gap(Instant origin, PodHistory pod, Instant a, Instant b, Duration allowed, List<String> out) {
        Duration d = Duration.between(a, b);
        if (d.compareTo(allowed) > 0) {
            out.add(pod.name() + ": no samples " + Timeline.offset(origin, a) + " to " + Timeline.offset(origin, b)
                    + " (" + Timeline.seconds(d) + ")");
        }
    }

    /** Three sampling periods, read from the API probe's own ticks, and never under three seconds. */
    private static Duration allowedGap(List<ApiSample> api) {
        if (api.size() < 2) {
            return MIN_GAP;
        }
        List<Duration> steps = new ArrayList<>();
        for (int i = 1; i < api.size(); i++) {
            steps.add(Duration.between(api.get(i - 1).at(), api.get(i).at()));
        }
        steps.sort(null);
        Duration threeTicks = steps.get(steps.size() / 2).multipliedBy(3);
        return threeTicks.compareTo(MIN_GAP) > 0 ? threeTicks : MIN_GAP;
    }
}
