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
        return html.append("<p class=\"muted small\">Each moment is the first sampled tick that showed it (late by up"
                + " to one tick, and the kubelet refreshes memory.available on its own housekeeping, not every tick); an"
                + " eviction is its event's time, stamped to the second, so it can read before the tick that showed"
                + " the threshold.</p></section>").toString();
    }

    private static String table(Instant origin, ReactionTimes r) {
        String threshold = r.thresholdBytes() <= 0 ? "memory.available below the eviction threshold (memory eviction off)"
                : "memory.available below " + Html.bytes(r.thresholdBytes());
        Duration margin = r.leaseMargin().orElse(null);
        String lease = r.leaseLongestGap() == null ? NOT_OBSERVED : "longest gap " + Timeline.seconds(r.leaseLongestGap())
                + ", " + Timeline.seconds(margin.abs()) + (margin.isNegative() ? " over" : " short of") + " the "
                + Timeline.seconds(r.gracePeriod()) + " node-monitor grace period (node Unknown after it)";
        return "<table class=\"list reactions\"><thead><tr><th>" + esc(r.node()) + "</th><th>At</th>"
                + "<th>After pressure start</th><th>After the step before</th></tr></thead><tbody>"
                + row("Pressure started", origin, r.pressureStart(), Optional.of(Duration.ZERO), "")
                + row(threshold, origin, r.thresholdCrossed(), r.sincePressureStart(r.thresholdCrossed()), "")
                + row("Kubelet reported MemoryPressure", origin, r.memoryPressureReported(),
                        r.sincePressureStart(r.memoryPressureReported()),
                        since(r.thresholdToMemoryPressure(), "the threshold crossing"))
                + row("First eviction", origin, r.firstEviction(), r.sincePressureStart(r.firstEviction()),
                        since(r.memoryPressureToEviction(), "MemoryPressure"))
                + "<tr class=\"" + (margin != null && margin.isNegative() ? "bad-row" : "") + "\"><td>Node Lease: last "
                + "renewal before the longest gap</td><td>" + at(origin, r.leaseLastRenewedBeforeGap()) + "</td><td colspan=\"2\">"
                + esc(lease) + "</td></tr></tbody></table>";
    }

    private static String row(String what, Instant origin, Instant at, Optional<Duration> sinceStart, String step) {
        String sinceText = at == null ? NOT_OBSERVED : sinceStart.map(Timeline::seconds).orElse(NOT_OBSERVED);
        return "<tr class=\"" + (at == null ? "warn-row" : "") + "\"><td>" + esc(what) + "</td><td>" + at(origin, at)
                + "</td><td>" + esc(sinceText) + "</td><td>" + esc(step) + "</td></tr>";
    }

    /** {@code 4.0 s after MemoryPressure}, or {@code before} when the sampled order came out reversed. */
    private static String since(Optional<Duration> d, String step) {
        return d.map(x -> Timeline.seconds(x.abs()) + (x.isNegative() ? " before " : " after ") + step)
                .orElse(NOT_OBSERVED);
    }

    private static String at(Instant origin, Instant at) {
        return at == null ? NOT_OBSERVED : Timeline.offset(origin, at);
    }
}
