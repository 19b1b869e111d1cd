package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How much of the tick grid one signal observed: every probe yields one record per scheduled tick, and a tick nobody
 * observed (missed, skipped, still in flight at close) is counted here and against the signal's availability or
 * readiness. A signal with no unobserved tick has full coverage.
 *
 * <!-- sample(ChaosReport report, org.slf4j.Logger log) -->
 * <pre>{@code
 * for (SignalCoverage c : SignalCoverage.of(report)) {
 *     log.info("{}: {} of {} ticks observed ({})", c.signal(), c.observed(), c.scheduled(), Timeline.percent(c.percent()));
 * }
 * }</pre>
 *
 * @param signal    what was probed: {@code API server (fresh)}, {@code API server (pooled)}, {@code node k3s-node},
 *                  {@code HTTP probe}
 * @param scheduled ticks on the grid (one record each)
 * @param observed  ticks with an observation (ok or failed)
 * @param gaps      runs of consecutive unobserved ticks, in time order
 */
@API(status = INTERNAL, since = "0.1")
public record SignalCoverage(String signal, int scheduled, int observed, List<Gap> gaps) {

    /** Runs of more than this many unobserved ticks are blind spots that readiness assertions refuse to judge. */
    public static final int TOLERATED_GAP_TICKS = 3;

    public SignalCoverage {
        gaps = List.copyOf(gaps);
    }

    /**
     * A run of consecutive unobserved ticks.
     *
     * @param span   from its first unobserved tick to the next observed one (its last tick when none followed)
     * @param ticks  how many scheduled ticks it covers
     * @param phase  the experiment phase of its first tick
     * @param reason why its first tick was unobserved
     * @param phases every phase its unobserved ticks fell in, in run order (a gap can cross a phase boundary)
     */
    public record Gap(TimeSpan span, int ticks, Phase phase, String reason, Set<Phase> phases) {

        public Gap {
            phases = phases == null || phases.isEmpty()
                    ? (phase == null ? Set.of() : EnumSet.of(phase)) : EnumSet.copyOf(phases);
        }

        /** A gap whose ticks all fell in {@code phase}. */
        public Gap(TimeSpan span, int ticks, Phase phase, String reason) {
            this(span, ticks, phase, reason, null);
        }

        /** {@code +00:18 to +00:23 (5.0 s, 5 ticks, in PRESSURE): in flight at close}. */
        public String describe(Instant origin) {
            return Timeline.offset(origin, span.start()) + " to " + Timeline.offset(origin, span.end())
                    + (span.ongoing() ? " (until the end)" : "") + " (" + Timeline.seconds(span.duration()) + ", "
                    + ticks + (ticks == 1 ? " tick" : " ticks") + ", in "
                    + (phases.isEmpty() ? String.valueOf(phase)
                    : phases.stream().map(Phase::name).collect(Collectors.joining(" and "))) + "): " + reason;
        }

        /** More than {@link #TOLERATED_GAP_TICKS} ticks, any of them during PRESSURE, HOLD or RECOVERY. */
        public boolean blindSpotDuringChaos() {
            return ticks > TOLERATED_GAP_TICKS && phases.stream().anyMatch(PodHistory.CHAOS::contains);
        }
    }

    /** Observed ticks in percent of scheduled ones; NaN without ticks. */
    public double percent() {
        return ProbeTick.percent(observed, scheduled);
    }

    public int unobserved() {
        return scheduled - observed;
    }

    /** Coverage of every tick-grid signal: both API probes, each node, and the HTTP probe when it ran. */
    public static List<SignalCoverage> of(ChaosReport report) {
        List<SignalCoverage> out = new ArrayList<>();
        out.add(of("API server (fresh)", report.api(), ApiSample::at, ApiSample::phase, s -> reason(s.fresh())));
        out.add(of("API server (pooled)", report.api(), ApiSample::at, ApiSample::phase, s -> reason(s.pooled())));
        Map<String, List<NodeSample>> byNode = new LinkedHashMap<>();
        report.node().forEach(s -> byNode.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(s));
        byNode.forEach((node, samples) -> out.add(ofNode(node, samples)));
        if (!report.http().isEmpty()) {
            out.add(of("HTTP probe", report.http(), HttpSample::at, HttpSample::phase, s -> reason(s.outcome())));
        }
        return out;
    }

    static SignalCoverage ofNode(String node, List<NodeSample> samples) {
        return of("node " + node, samples, NodeSample::at, NodeSample::phase, NodeSample::unobserved);
    }

    private static String reason(ProbeOutcome o) {
        return o instanceof ProbeOutcome.Unobserved u ? (u.reason() == null ? "unobserved" : u.reason()) : null;
    }

    /** {@code unobservedReason} returns {@code null} for an observed tick. */
    static <T> SignalCoverage of(String signal, List<T> ticks, Function<T, Instant> at, Function<T, Phase> phase,
                                 Function<T, String> unobservedReason) {
        List<Gap> gaps = new ArrayList<>();
        int observed = 0;
        int runStart = -1;
        for (int i = 0; i <= ticks.size(); i++) {
            boolean seen = i == ticks.size() || unobservedReason.apply(ticks.get(i)) == null;
            if (i < ticks.size() && seen) {
                observed++;
            }
            if (!seen && runStart < 0) {
                runStart = i;
            } else if (seen && runStart >= 0) {
                T first = ticks.get(runStart);
                boolean ongoing = i == ticks.size();
                Instant end = at.apply(ticks.get(ongoing ? i - 1 : i));
                Set<Phase> phases = EnumSet.noneOf(Phase.class);
                ticks.subList(runStart, i).stream().map(phase).filter(Objects::nonNull).forEach(phases::add);
                gaps.add(new Gap(new TimeSpan(at.apply(first), end, ongoing), i - runStart, phase.apply(first),
                        unobservedReason.apply(first), phases));
                runStart = -1;
            }
        }
        return new SignalCoverage(signal, ticks.size(), observed, gaps);
    }
}
