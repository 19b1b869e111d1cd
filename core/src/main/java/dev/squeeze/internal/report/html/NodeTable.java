package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.EveryNode;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.report.NodeSample;
import dev.squeeze.internal.report.summary.PodMoves;
import dev.squeeze.internal.report.summary.TimeSpan;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row per node of the cluster, the target (where the hog ran) marked: role, memory, a strip of its conditions
 * over time (one cell per tick on the report's time axis), NotReady and MemoryPressure spans, the lowest available
 * memory and the longest Lease gap; then the workload pods evicted from the target and where their replacements went.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeTable {

    private static final int STRIP_WIDTH = 240;
    private static final int STRIP_HEIGHT = 12;

    private NodeTable() {
    }

    static String render(ChaosReport report) {
        Instant end = report.finished() != null ? report.finished() : report.started();
        Map<String, List<NodeSample>> samples = new LinkedHashMap<>();
        report.node().forEach(s -> samples.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(s));
        report.otherNodes().forEach(s -> samples.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(s));
        Instant o = report.started();
        StringBuilder t = new StringBuilder("<table class=\"list nodes\"><thead><tr><th>Node</th><th>Role</th>"
                + "<th>Allocatable</th><th>Conditions over time</th><th>NotReady</th><th>MemoryPressure</th>"
                + "<th>Min available</th><th>Lease max gap</th><th>Observed</th></tr></thead><tbody>");
        for (EveryNode.Entry e : EveryNode.of(report)) {
            NodeHistory h = e.history().orElse(null);
            boolean damaged = h != null && (!h.notReadySpans().isEmpty() || h.hadMemoryPressure());
            t.append("<tr class=\"").append(e.target() ? "target-row" : damaged ? "warn-row" : "").append("\"><td>")
                    .append(esc(e.name())).append(e.target() ? " <span class=\"pill ev-pressure\">target</span>" : "")
                    .append("</td><td>").append(esc(e.node().role())).append("</td><td>")
                    .append(Html.bytes(e.node().allocatableBytes())).append("</td><td>")
                    .append(strip(samples.getOrDefault(e.name(), List.of()), o, end)).append("</td>");
            if (h == null) {
                t.append("<td colspan=\"5\" class=\"muted\">not sampled</td></tr>");
                continue;
            }
            t.append("<td>").append(spans(h.notReadySpans(), o)).append("</td><td>").append(spans(h.pressureSpans(), o))
                    .append("</td><td>").append(Html.bytes(h.minAvailableBytes())).append("</td><td>")
                    .append(h.leaseMaxGap().isZero() ? "n/a" : Timeline.seconds(h.leaseMaxGap())).append("</td><td>")
                    .append(h.coverage().observed()).append(" / ").append(h.coverage().scheduled()).append("</td></tr>");
        }
        t.append("</tbody></table>");
        List<PodMoves.Move> moves = PodMoves.of(report);
        if (!moves.isEmpty()) {
            t.append("<h3>Moved</h3><table class=\"list moved\"><thead><tr><th>Evicted pod</th><th>From</th><th>At</th>"
                    + "<th>Replacement</th><th>On node</th><th>Ready at</th></tr></thead><tbody>");
            for (PodMoves.Move m : moves) {
                t.append("<tr class=\"").append(m.readyAt() == null ? "bad-row" : "").append("\"><td>").append(esc(m.pod()))
                        .append("</td><td>").append(esc(m.fromNode())).append("</td><td>")
                        .append(Timeline.offset(o, m.evictedAt())).append("</td><td>")
                        .append(m.replacement() == null ? "none seen" : esc(m.replacement())).append("</td><td>")
                        .append(esc(m.toNode())).append("</td><td>")
                        .append(m.readyAt() == null ? "never" : Timeline.offset(o, m.readyAt())).append("</td></tr>");
            }
            t.append("</tbody></table>");
        }
        return t.toString();
    }

    private static String spans(List<TimeSpan> spans, Instant o) {
        if (spans.isEmpty()) {
            return "never";
        }
        return spans.stream().map(s -> Timeline.offset(o, s.start()) + (s.ongoing() ? " until the end"
                : " to " + Timeline.offset(o, s.end()))).collect(Collectors.joining("<br>"));
    }

    /** One cell per sample: green Ready, amber MemoryPressure, red NotReady, grey unobserved. */
    private static String strip(List<NodeSample> samples, Instant o, Instant end) {
        StringBuilder svg = new StringBuilder("<svg class=\"strip\" width=\"" + STRIP_WIDTH + "\" height=\""
                + STRIP_HEIGHT + "\" viewBox=\"0 0 " + STRIP_WIDTH + " " + STRIP_HEIGHT + "\">");
        double span = Math.max(1, end.toEpochMilli() - o.toEpochMilli());
        for (int i = 0; i < samples.size(); i++) {
            NodeSample s = samples.get(i);
            Instant next = i + 1 < samples.size() ? samples.get(i + 1).at() : end;
            double x = STRIP_WIDTH * (s.at().toEpochMilli() - o.toEpochMilli()) / span;
            double w = Math.max(1, STRIP_WIDTH * (next.toEpochMilli() - s.at().toEpochMilli()) / span);
            String state = !s.observed() ? "unobserved" : !s.ready() ? "NotReady"
                    : s.memoryPressure() ? "MemoryPressure" : "Ready";
            String fill = switch (state) {
                case "unobserved" -> "#d1d5db";
                case "NotReady" -> "#dc2626";
                case "MemoryPressure" -> "#d97706";
                default -> "#16a34a";
            };
            svg.append("<rect x=\"").append(Html.num(x)).append("\" y=\"0\" width=\"").append(Html.num(w))
                    .append("\" height=\"").append(STRIP_HEIGHT).append("\" fill=\"").append(fill).append("\"><title>")
                    .append(esc(Timeline.offset(o, s.at()) + " " + state + (!s.observed() ? ": " + s.unobserved()
                            : s.notReady() != null ? ": Ready " + s.notReady() : "")))
                    .append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }
}
