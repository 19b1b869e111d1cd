package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.squeeze.report.WallLimits;
import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a report can carry a verdict at all: a chaos test proves nothing when the chaos did not happen. Every report
 * gets this header (JSON {@code summary.validity}, the top of the HTML page), and every Squeeze assertion about
 * survival checks it first.
 *
 * <p>Memory pressure counts as applied when the hog ran and either
 * <ul>
 *   <li>reached at least {@link #PRESSURE_FRACTION} (90%) of its target, or</li>
 *   <li>was evicted for memory or OOM-killed on the way (the node's answer to the pressure it made), or</li>
 *   <li>the node itself showed memory pressure once the hog started: MemoryPressure, an eviction for memory, a kernel
 *       OOM kill of the node, memory.available down to the eviction threshold, the node's memory wall (a throwaway
 *       node's cgroup limit) 95% full, or the API server failing more than three ticks in a row while the node's
 *       memory was short (a starving API server also stops Squeeze from reading the hog's progress, so its recorded
 *       peak is then only a lower bound). A workload container OOM-killed by its own limit is not node evidence.</li>
 * </ul>
 * A hog that ran (SURVIVED the hold, or evicted or OOM-killed) is judged on the node's evidence even when it never
 * reported its progress (peak 0: its log was never read).
 * A hog rejected at admission, one that never started, or one that stayed below 90% of its target while the node
 * showed no sign of pressure makes the run invalid. Phases that did not complete and unobserved ticks are listed too;
 * they do not make a run invalid by themselves, because the assertions they concern judge them (availability counts
 * unobserved ticks, {@code admittedPodAfterRecovery} needs RECOVERY to complete).
 *
 * <!-- sample(ChaosReport report, org.slf4j.Logger log) -->
 * <pre>{@code
 * Validity v = Validity.of(report);
 * if (!v.valid()) log.warn(v.reason());  // "no pressure was applied: the hog was rejected at admission: ..."
 * }</pre>
 *
 * @param valid         memory pressure was applied, so survival can be judged
 * @param reason        why the run is not valid ({@code no pressure was applied: ...}); {@code ""} when it is
 * @param pressure      what the hog did, one line: {@code the hog was EVICTED at 1.17 GiB of 1.50 GiB (78%): ...}
 * @param phaseProblems one line per phase that did not complete or never ran; empty when all four completed
 * @param coverage      observed ticks per tick-grid signal
 * @param wall          the node's memory wall, {@code hard: ...} or {@code soft: <reason>} ({@link WallLimits}); a
 *                      soft wall lets the node use more than its declared size, so survival says less. {@code ""}
 *                      when the report has no wall read back (an existing cluster)
 */
@API(status = INTERNAL, since = "0.1")
public record Validity(boolean valid, String reason, String pressure, List<String> phaseProblems,
                       List<SignalCoverage> coverage, String wall) {

    /** The share of its target the hog must reach for a run to be valid without further evidence: 90%. */
    public static final double PRESSURE_FRACTION = 0.90;

    public Validity {
        phaseProblems = List.copyOf(phaseProblems);
        coverage = List.copyOf(coverage);
    }

    public static Validity of(ChaosReport report) {
        HogOutcome hog = report.hogOutcome();
        String pressure = hog == null ? "the report has no hog outcome" : describe(hog);
        String reason = whyInvalid(report, hog).orElse("");
        boolean fateIsEvidence = hog != null && (hog.fate() == HogFate.OOM_KILLED
                || PressureEvidence.evictedForMemory(hog));
        if (reason.isEmpty() && !fateIsEvidence && fraction(hog) < PRESSURE_FRACTION && !hog.reachedTarget()) {
            pressure += PressureEvidence.first(report).map(e -> "; the node showed pressure: " + e).orElse("");
        }
        WallLimits wall = report.cluster() == null ? null : report.cluster().wall();
        return new Validity(reason.isEmpty(), reason, pressure, phaseProblems(report), SignalCoverage.of(report),
                wall == null ? "" : wall.describe());
    }

    /** {@code valid: <pressure>} or the reason it is not. */
    public String headline() {
        return valid ? "valid: " + pressure : reason;
    }

    /** The node's memory wall was read back and swap (or the lack of a limit) can leak through it. */
    public boolean softWall() {
        return wall.startsWith("soft");
    }

    /** All four phases ran and completed. */
    public boolean phasesCompleted() {
        return phaseProblems.isEmpty();
    }

    private static Optional<String> whyInvalid(ChaosReport r, HogOutcome hog) {
        String none = "no pressure was applied: ";
        Optional<PhaseSpan> pressurePhase = r.phases().stream().filter(p -> p.phase() == Phase.PRESSURE).findFirst();
        if (pressurePhase.isEmpty()) {
            String steady = r.phases().stream().filter(p -> p.phase() == Phase.STEADY_STATE).findFirst()
                    .map(p -> " (STEADY_STATE: " + p.outcome() + ")").orElse("");
            return Optional.of(none + "the experiment never reached PRESSURE" + steady);
        }
        if (hog == null) {
            return Optional.of(none + "the report has no hog outcome");
        }
        switch (hog.fate()) {
            case REJECTED -> {
                return Optional.of(none + "the hog was rejected at admission: " + hog.reason());
            }
            case NEVER_STARTED -> {
                return Optional.of(none + "the hog never started: " + hog.reason());
            }
            default -> {
                // judged below
            }
        }
        if (hog.reachedTarget() || fraction(hog) >= PRESSURE_FRACTION) {
            return Optional.empty();
        }
        // a SURVIVED hog ran through HOLD even when its log follower never read a line (peak 0)
        boolean ran = hog.peakBytes() > 0 || hog.fate() == HogFate.EVICTED || hog.fate() == HogFate.OOM_KILLED
                || hog.fate() == HogFate.SURVIVED;
        if (ran && (hog.fate() == HogFate.OOM_KILLED || PressureEvidence.evictedForMemory(hog))) {
            return Optional.empty();
        }
        if (!ran) {
            return Optional.of(none + reached(hog) + ", below the " + percent(PRESSURE_FRACTION) + " a valid run"
                    + " needs, and it never reported touching any memory, so the node's signs of pressure were not"
                    + " looked at as its doing; " + ending(hog));
        }
        if (PressureEvidence.first(r).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(none + reached(hog) + ", below the " + percent(PRESSURE_FRACTION) + " a valid run needs,"
                + " and the node showed no sign of memory pressure (no MemoryPressure, no eviction for memory, no OOM"
                + " kill of the node, memory.available never down to the eviction threshold, memory wall never 95%"
                + " full, no API server starvation while memory was short); "
                + ending(hog));
    }

    private static String describe(HogOutcome hog) {
        return switch (hog.fate()) {
            case EVICTED, OOM_KILLED, FAILED -> "the hog was " + hog.fate() + " at " + size(hog)
                    + (hog.reason() == null || hog.reason().isEmpty() ? "" : ": " + hog.reason());
            case SURVIVED -> reached(hog) + " and was still running when HOLD ended (SURVIVED)"
                    + (hog.reason() == null || hog.reason().isEmpty() ? "" : "; " + hog.reason());
            case REJECTED -> "the hog was rejected at admission: " + hog.reason();
            case NEVER_STARTED -> "the hog never started: " + hog.reason();
        };
    }

    private static String ending(HogOutcome hog) {
        return hog.fate() == HogFate.SURVIVED ? "it was still running when HOLD ended"
                : "it ended " + hog.fate() + (hog.reason() == null || hog.reason().isEmpty() ? "" : ": " + hog.reason());
    }

    /** {@code the hog reached 180.0 MiB of 1.46 GiB (12%)}. */
    private static String reached(HogOutcome hog) {
        return "the hog reached " + size(hog);
    }

    private static String size(HogOutcome hog) {
        return PressureEvidence.human(hog.peakBytes()) + " of " + PressureEvidence.human(hog.targetBytes()) + " ("
                + percent(fraction(hog)) + ")";
    }

    private static double fraction(HogOutcome hog) {
        return hog.targetBytes() <= 0 ? 0 : (double) hog.peakBytes() / hog.targetBytes();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", Math.floor(fraction * 100));
    }

    private static List<String> phaseProblems(ChaosReport r) {
        List<String> problems = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            Optional<PhaseSpan> span = r.phases().stream().filter(p -> p.phase() == phase).findFirst();
            if (span.isEmpty()) {
                problems.add(phase + " never ran");
            } else if (!span.get().completed()) {
                problems.add(phase + " did not complete: " + span.get().outcome());
            }
        }
        return problems;
    }
}
