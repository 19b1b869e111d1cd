package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ProbeOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the workload's own HTTP endpoint answered (the seed story's "502 Bad Gateway" as a number).
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * HttpSuccess http = HttpSuccess.of(report);
 * http.percent();        // 99.1
 * http.statusCodes();    // {200=212, 502=2}
 * }</pre>
 *
 * @param ticks       scheduled ticks, each one attempt or one unobserved tick (which counts as failed)
 * @param successes   attempts that answered healthy
 * @param statusCodes count per HTTP status of successful attempts
 * @param errors      count per error text of failed attempts (non-2xx statuses appear here as the probe wrote them);
 *                    unobserved ticks as {@code unobserved: <reason>}
 * @param outages     runs of consecutive failures
 * @param latency     latencies of the successful attempts
 */
@API(status = INTERNAL, since = "0.1")
public record HttpSuccess(int ticks, int successes, Map<Integer, Integer> statusCodes, Map<String, Integer> errors,
                          List<Outage> outages, Latencies latency) {

    public HttpSuccess {
        statusCodes = Map.copyOf(statusCodes);
        errors = Map.copyOf(errors);
        outages = List.copyOf(outages);
    }

    public static HttpSuccess of(ChaosReport report) {
        List<ProbeTick> ticks = report.http().stream().map(s -> new ProbeTick(s.at(), s.phase(), s.outcome())).toList();
        Map<Integer, Integer> codes = new TreeMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        for (ProbeTick tick : ticks) {
            if (tick.outcome() instanceof ProbeOutcome.Success s) {
                codes.merge(s.status(), 1, Integer::sum);
            } else {
                errors.merge(ProbeTick.error(tick.outcome()), 1, Integer::sum);
            }
        }
        return new HttpSuccess(ticks.size(), ProbeTick.successes(ticks), codes, errors, ProbeTick.outages(ticks),
                ProbeTick.successLatencies(ticks));
    }

    public boolean hasSamples() {
        return ticks > 0;
    }

    public int failures() {
        return ticks - successes;
    }

    /** Successful attempts in percent of scheduled ticks (unobserved ticks count against it); NaN without samples. */
    public double percent() {
        return ProbeTick.percent(successes, ticks);
    }

    public Duration downtime() {
        return ProbeTick.downtime(outages);
    }
}
