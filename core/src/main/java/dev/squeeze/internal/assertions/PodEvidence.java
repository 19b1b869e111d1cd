package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.internal.report.summary.Timeline;
import java.util.List;
import java.util.Objects;

/** How pods read in messages: what happened to each, and when. */
@API(status = INTERNAL, since = "0.1")
public final class PodEvidence {

    private PodEvidence() {
    }

    static List<String> names(List<PodHistory> pods) {
        return pods.stream().map(p -> p.key() + " (" + p.role().name().toLowerCase(java.util.Locale.ROOT)
                + (p.labels().isEmpty() ? "" : ", labels " + p.labels()) + ")").toList();
    }

    static String restarts(PodHistory p) {
        return p.name() + ": " + p.restarts() + (p.restarts() == 1 ? " restart" : " restarts")
                + (p.lastTermination() == null ? "" : " (last termination " + p.lastTermination() + ")");
    }

    static String eviction(PodHistory p, ChaosReport report) {
        return report.events().stream()
                .filter(e -> "Evicted".equals(e.reason()) && p.name().equals(e.objectName())
                        && Objects.equals(p.namespace(), e.namespace()))
                .findFirst()
                .map(e -> p.name() + ": evicted at " + Timeline.offset(report.started(), e.at()) + ": " + e.message()
                        + starved(e))
                .orElse(p.name() + ": evicted (status.reason Evicted, last phase " + p.lastPodPhase() + ")");
    }

    private static String starved(EventRecord e) {
        String r = e.annotations().get("starved_resource");
        return r == null ? "" : " [starved_resource=" + r + "]";
    }

    /** Everything that went wrong for one pod, or {@code name: Ready throughout, no restarts}. */
    static String damage(PodHistory p, ChaosReport report) {
        List<String> lines = p.describeNotReady(report.started());
        String extra = (p.restarts() > 0 ? ", " + p.restarts() + " restarts" : "") + (p.evicted() ? ", evicted" : "")
                + (p.oomKilled() ? ", OOMKilled" : "");
        return lines.isEmpty() ? p.name() + ": Ready throughout" + (extra.isEmpty() ? ", no restarts" : extra)
                : String.join(ReportMessage.NL + "  ", lines) + extra;
    }
}
