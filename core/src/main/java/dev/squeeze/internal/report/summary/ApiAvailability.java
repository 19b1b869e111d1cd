package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How available the API server was, from one of its two probes: {@code fresh} (a new TLS connection per tick, which
 * shows handshake timeouts of a starving API server) or {@code pooled} (a keep-alive connection, as controllers use).
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * ApiAvailability api = ApiAvailability.fresh(report);
 * api.percent();          // 97.3
 * api.longestOutage();    // Optional[Outage[start=..., failedTicks=3, phase=PRESSURE, ...]]
 * ApiAvailability.fresh(report, Phase.PRESSURE, Phase.HOLD).latency().p99();
 * }</pre>
 *
 * @param probe      {@code fresh} or {@code pooled}
 * @param ticks      how many scheduled ticks were considered, unobserved ones included (they count as failed)
 * @param successes  how many of them succeeded
 * @param downtime   the summed duration of all outages
 * @param outages    runs of consecutive failures, in time order
 * @param latency    latencies of the successful ticks
 */
@API(status = INTERNAL, since = "0.1")
public record ApiAvailability(String probe, int ticks, int successes, Duration downtime, List<Outage> outages,
                              Latencies latency) {

    public static final String FRESH = "fresh";
    public static final String POOLED = "pooled";

    public ApiAvailability {
        outages = List.copyOf(outages);
    }

    /** The fresh-connection probe over the whole experiment, or only the given phases. */
    public static ApiAvailability fresh(ChaosReport report, Phase... phases) {
        return of(report, FRESH, ApiSample::fresh, phases);
    }

    /** The pooled-connection probe over the whole experiment, or only the given phases. */
    public static ApiAvailability pooled(ChaosReport report, Phase... phases) {
        return of(report, POOLED, ApiSample::pooled, phases);
    }

    /** The fresh probe for each phase that has samples, in phase order. */
    public static Map<Phase, ApiAvailability> freshByPhase(ChaosReport report) {
        Map<Phase, ApiAvailability> byPhase = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            ApiAvailability a = fresh(report, phase);
            if (a.hasSamples()) {
                byPhase.put(phase, a);
            }
        }
        return byPhase;
    }

    private static ApiAvailability of(ChaosReport report, String probe, Function<ApiSample, ProbeOutcome> outcome,
                                      Phase... phases) {
        Set<Phase> wanted = phases.length == 0 ? EnumSet.allOf(Phase.class) : EnumSet.copyOf(Arrays.asList(phases));
        List<ProbeTick> ticks = report.api().stream()
                .filter(s -> wanted.contains(s.phase()))
                .map(s -> new ProbeTick(s.at(), s.phase(), outcome.apply(s)))
                .toList();
        List<Outage> outages = ProbeTick.outages(ticks);
        return new ApiAvailability(probe, ticks.size(), ProbeTick.successes(ticks), ProbeTick.downtime(outages),
                outages, ProbeTick.successLatencies(ticks));
    }

    public boolean hasSamples() {
        return ticks > 0;
    }

    public int failures() {
        return ticks - successes;
    }

    /**
     * Successful ticks in percent of scheduled ticks: a tick nobody observed counts against availability. NaN without
     * samples (so nothing can pass vacuously).
     */
    public double percent() {
        return ProbeTick.percent(successes, ticks);
    }

    public Optional<Outage> longestOutage() {
        return outages.stream().max(Comparator.comparing(Outage::duration));
    }

    /** The longest outage's duration, {@link Duration#ZERO} when there was none. */
    public Duration longestGap() {
        return longestOutage().map(Outage::duration).orElse(Duration.ZERO);
    }
}
