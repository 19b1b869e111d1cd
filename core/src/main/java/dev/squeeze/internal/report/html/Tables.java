package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tables of the report: cluster facts, phases, pods, events, and the notes. */
@API(status = INTERNAL, since = "0.1")
public final class Tables {

    private Tables() {
    }

    static String facts(ChaosReport report) {
        ClusterFacts c = report.cluster();
        StringBuilder t = new StringBuilder("<table class=\"facts\">");
        if (c == null) {
            return t.append(row("Cluster", "no facts were recorded")).append("</table>").toString();
        }
        t.append(row("Cluster", c.kind() + " " + nz(c.version()) + " · node " + nz(c.node())))
                .append(row("Memory model", c.memoryModel()))
                .append(row("Declared node size", c.declaredBytes() == 0 ? "— (existing cluster)" : Html.bytes(c.declaredBytes())))
                .append(row("Capacity / allocatable", Html.bytes(c.capacityBytes()) + " / " + Html.bytes(c.allocatableBytes())))
                .append(row("kubepods cgroup limit", c.kubepodsLimitBytes() == null ? "unknown" : Html.bytes(c.kubepodsLimitBytes())))
                .append(row("Eviction threshold", c.evictionThresholdBytes() == 0 ? "off (no memory eviction)"
                        : "memory.available < " + Html.bytes(c.evictionThresholdBytes())))
                .append(row("Hog", nz(report.hogSpec())))
                .append("<tr><th>Kubelet args</th><td><code>")
                .append(c.kubeletArgs().stream().map(Html::esc).collect(Collectors.joining("</code><br><code>")))
                .append("</code></td></tr>");
        return t.append("</table>").toString();
    }

    static String phases(ChaosReport report) {
        StringBuilder t = new StringBuilder("<table class=\"list\"><thead><tr><th>Phase</th><th>From</th><th>To</th>"
                + "<th>Duration</th><th>Outcome</th></tr></thead><tbody>");
        Instant o = report.started();
        for (PhaseSpan p : report.phases()) {
            t.append("<tr class=\"").append(p.completed() ? "" : "bad-row").append("\"><td><span class=\"swatch band-")
                    .append(p.phase().name().toLowerCase(Locale.ROOT)).append("\"></span>").append(p.phase())
                    .append("</td><td>").append(Timeline.offset(o, p.start())).append("</td><td>")
                    .append(Timeline.offset(o, p.end())).append("</td><td>").append(Timeline.seconds(p.duration()))
                    .append("</td><td>").append(esc(p.outcome())).append("</td></tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    static String pods(ChaosReport report, List<PodHistory> pods) {
        StringBuilder t = new StringBuilder("<table class=\"list\"><thead><tr><th>Pod</th><th>Role</th><th>Last phase</th>"
                + "<th>Restarts</th><th>Evicted</th><th>OOMKilled</th><th>Not Ready</th></tr></thead><tbody>");
        for (PodHistory p : pods) {
            boolean damaged = p.restarts() > 0 || p.evicted() || p.oomKilled() || p.leftReadyDuring();
            t.append("<tr class=\"").append(damaged ? "warn-row" : "").append("\"><td>").append(esc(p.key()))
                    .append("</td><td>").append(p.role().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(esc(p.lastPodPhase())).append("</td><td>").append(p.restarts()).append("</td><td>")
                    .append(p.evicted() ? "yes" : "").append("</td><td>").append(p.oomKilled() ? "yes" : "")
                    .append("</td><td>").append(p.describeNotReady(report.started()).stream()
                            .map(line -> esc(line.substring(line.indexOf(':') + 2))).collect(Collectors.joining("<br>")))
                    .append("</td></tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    static String events(ChaosReport report) {
        if (report.events().isEmpty()) {
            return "<p class=\"muted\">No events were recorded.</p>";
        }
        StringBuilder t = new StringBuilder("<table class=\"list events\"><thead><tr><th>At</th><th>Type</th>"
                + "<th>Reason</th><th>Object</th><th>Message</th></tr></thead><tbody>");
        for (EventRecord e : report.events()) {
            String annotations = e.annotations().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(a -> esc(a.getKey() + "=" + a.getValue())).collect(Collectors.joining(" "));
            t.append("<tr><td>").append(Timeline.offset(report.started(), e.at())).append("</td><td>").append(esc(e.type()))
                    .append("</td><td><span class=\"pill ").append(EventStyle.cssClass(e)).append("\">")
                    .append(esc(e.reason())).append("</span></td><td>").append(esc(nz(e.objectKind()) + " "
                            + (e.namespace() == null || e.namespace().isEmpty() ? "" : e.namespace() + "/") + nz(e.objectName())))
                    .append("</td><td>").append(esc(e.message()))
                    .append(annotations.isEmpty() ? "" : "<div class=\"muted small\">" + annotations + "</div>")
                    .append("</td></tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    static String notes(ChaosReport report) {
        if (report.notes().isEmpty()) {
            return "";
        }
        return "<ul class=\"notes\">" + report.notes().stream().map(n -> "<li>" + esc(n) + "</li>")
                .collect(Collectors.joining()) + "</ul>";
    }

    private static String row(String key, String value) {
        return "<tr><th>" + esc(key) + "</th><td>" + esc(value) + "</td></tr>";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
