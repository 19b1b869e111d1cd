package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One probe attempt on the timeline; the common shape of API and HTTP samples so both share the outage arithmetic. */
@API(status = INTERNAL, since = "0.1")
public record ProbeTick(Instant at, Phase phase, ProbeOutcome outcome) {

    /** Runs of consecutive failures, each stretched to the successes around it (see {@link Outage}). */
    static List<Outage> outages(List<ProbeTick> ticks) {
        List<Outage> outages = new ArrayList<>();
        Instant lastSuccess = null;
        int runStart = -1;
        for (int i = 0; i < ticks.size(); i++) {
            ProbeTick tick = ticks.get(i);
            if (tick.outcome().ok()) {
                if (runStart >= 0) {
                    outages.add(outage(ticks, runStart, i - runStart, lastSuccess, tick.at(), true));
                    runStart = -1;
                }
                lastSuccess = tick.at();
            } else if (runStart < 0) {
                runStart = i;
            }
        }
        if (runStart >= 0) {
            outages.add(outage(ticks, runStart, ticks.size() - runStart, lastSuccess,
                    ticks.get(ticks.size() - 1).at(), false));
        }
        return List.copyOf(outages);
    }

    private static Outage outage(List<ProbeTick> ticks, int runStart, int failed, Instant lastSuccess, Instant end,
                                 boolean recovered) {
        ProbeTick first = ticks.get(runStart);
        String error = error(first.outcome());
        Instant start = lastSuccess != null ? lastSuccess : first.at();
        return new Outage(start, end, failed, first.phase(), error, recovered);
    }

    /** A failure's error, or {@code unobserved: <reason>} for a tick nobody observed (it counts as down). */
    static String error(ProbeOutcome outcome) {
        if (outcome instanceof ProbeOutcome.Failure f) {
            return f.error();
        }
        return outcome instanceof ProbeOutcome.Unobserved u ? "unobserved: " + u.reason() : "";
    }

    static Duration downtime(List<Outage> outages) {
        return outages.stream().map(Outage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    static Latencies successLatencies(List<ProbeTick> ticks) {
        return Latencies.of(ticks.stream().filter(t -> t.outcome().ok()).map(t -> t.outcome().latency()).toList());
    }

    static int successes(List<ProbeTick> ticks) {
        return (int) ticks.stream().filter(t -> t.outcome().ok()).count();
    }

    /** Successes in percent of ticks; NaN without ticks, so an assertion on an empty run cannot pass vacuously. */
    static double percent(int successes, int ticks) {
        return ticks == 0 ? Double.NaN : 100.0 * successes / ticks;
    }
}
