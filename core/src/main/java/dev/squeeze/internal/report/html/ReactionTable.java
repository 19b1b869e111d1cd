package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.ReactionTimes;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The "Time to react" table: per node, when memory.available crossed the eviction threshold, when the kubelet
 * reported MemoryPressure, when it first evicted, each after pressure start and after the step before; and the node
 * Lease's longest renewal gap against the node-monitor grace period. Missing moments read "not observed".
 */
@API(status = INTERNAL, since = "0.1")
public final class ReactionTable {

    static final String NOT_OBSERVED = "not observed";

    private ReactionTable() {
    }

    static String render(ChaosReport report) {
        List<ReactionTimes> all = ReactionTimes.of(report);
        StringBuilder html = new StringBuilder("<section id=\"reactions\"><h2>Time to react</h2>");
        if (all.isEmpty()) {
            return html.append("<p class=\"muted\">No node samples were recorded.</p></section>").toString();
        }
        for (ReactionTimes r : all) {
            html.append(table(report.started(), r));
        }
        return html.append("<p class=\"muted small\">Each moment is read from the kubelet's own clock where it has"
                + " one (the Clock column): the threshold crossing from its /stats/summary memory.time (when it took"
                + " the stats, on its housekeeping, to the second), MemoryPressure from the condition's"
                + " lastTransitionTime (to the second), an eviction from its event's eventTime (microseconds) or"
                + " legacy lastTimestamp (to the second); otherwise from the first sampled tick that showed it (up to"
                + " one tick late). The kubelet evicts in its sync loop and reports the node's condition after it, so"
                + " the order can be any; moments less than a second apart on a second clock read \""
                + ReactionTimes.SAME_SYNC_LOOP + "\".</p></section>").toString();
    }

    private static String table(Instant origin, ReactionTimes r) {
        String threshold = r.thresholdBytes() <= 0 ? "memory.available below the eviction threshold (memory eviction off)"
                : "memory.available below " + Html.bytes(r.thresholdBytes());
        Duration margin = r.leaseMargin().orElse(null);
        String lease = r.leaseLongestGap() == null ? NOT_OBSERVED : "longest gap " + Timeline.seconds(r.leaseLongestGap())
                + ", " + Timeline.seconds(margin.abs()) + (margin.isNegative() ? " over" : " short of") + " the "
                + Timeline.seconds(r.gracePeriod()) + " node-monitor grace period (node Unknown after it)";
        return "<table class=\"list reactions\"><thead><tr><th>" + esc(r.node()) + "</th><th>At</th>"
                + "<th>After pressure start</th><th>After the step before</th><th>Clock</th></tr></thead><tbody>"
                + row("Pressure started", origin, r.pressureStart(), Optional.of(Duration.ZERO), "", "test's clock")
                + row(threshold, origin, r.thresholdCrossed(), r.sincePressureStart(r.thresholdCrossed()), "",
                        r.thresholdClock())
                + row("Kubelet reported MemoryPressure", origin, r.memoryPressureReported(),
                        r.sincePressureStart(r.memoryPressureReported()),
                        step(ReactionTimes.step(r.thresholdCrossed(), r.thresholdClock(), r.memoryPressureReported(),
                                r.memoryPressureClock()), "the threshold crossing"), r.memoryPressureClock())
                + row("First eviction", origin, r.firstEviction(), r.sincePressureStart(r.firstEviction()),
                        step(ReactionTimes.step(r.memoryPressureReported(), r.memoryPressureClock(), r.firstEviction(),
                                r.evictionClock()), "MemoryPressure"), r.evictionClock())
                + "<tr class=\"" + (margin != null && margin.isNegative() ? "bad-row" : "") + "\"><td>Node Lease: last "
                + "renewal before the longest gap</td><td>" + at(origin, r.leaseLastRenewedBeforeGap()) + "</td><td colspan=\"3\">"
                + esc(lease) + "</td></tr></tbody></table>";
    }

    private static String row(String what, Instant origin, Instant at, Optional<Duration> sinceStart, String step,
                              String clock) {
        String sinceText = at == null ? NOT_OBSERVED
                : sinceStart.map(Timeline::seconds).orElse("before pressure started");
        return "<tr class=\"" + (at == null ? "warn-row" : "") + "\"><td>" + esc(what) + "</td><td>" + at(origin, at)
                + "</td><td>" + esc(sinceText) + "</td><td>" + esc(step) + "</td><td>"
                + esc(at == null || clock == null ? "" : clock) + "</td></tr>";
    }

    /** {@code 4.0 s after MemoryPressure}, {@code 2.0 s before MemoryPressure}, or the same sync loop. */
    private static String step(String step, String before) {
        return step == null ? NOT_OBSERVED : step.equals(ReactionTimes.SAME_SYNC_LOOP) ? step + " as " + before
                : step + " " + before;
    }

    private static String at(Instant origin, Instant at) {
        return at == null ? NOT_OBSERVED : Timeline.offset(origin, at);
    }
}
