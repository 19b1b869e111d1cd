package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ResourceAudit;
import java.util.Locale;

/**
 * The resource audit: a bar of the summed requests and limits of the fullest node's pods against its allocatable and
 * capacity (on one node, simply that node), then one row per pod.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResourcesTable {

    private static final int WIDTH = 600;

    private ResourcesTable() {
    }

    /** The section, empty when the report has no audit. */
    static String render(ChaosReport report) {
        ResourceAudit a = report.cluster() == null ? null : report.cluster().resources();
        if (a == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("<section id=\"resources\"><h2>Resources (steady state)</h2>");
        s.append(bar(a));
        s.append("<table class=\"list\"><thead><tr><th>Pod</th><th>Node</th><th>QoS</th><th>Requests</th>"
                + "<th>Limits</th></tr></thead><tbody>");
        for (ResourceAudit.PodResources p : a.pods()) {
            s.append("<tr class=\"").append(p.unbounded() || "BestEffort".equals(p.qos()) ? "warn-row" : "")
                    .append("\"><td>").append(esc(p.name())).append("</td><td>").append(esc(p.node()))
                    .append("</td><td>").append(esc(p.qos())).append("</td><td>").append(Html.bytes(p.requestsBytes()))
                    .append("</td><td>").append(p.unbounded() ? "none on " + esc(String.join(", ",
                            p.containersWithoutLimits())) : Html.bytes(p.limitsBytes())).append("</td></tr>");
        }
        return s.append("</tbody></table></section>").toString();
    }

    /**
     * Two bars (requests, limits) on a scale a quarter past the largest of allocatable, requests and limits; red past
     * allocatable. Capacity gets a line only when it fits that scale: a node in a container often reports the host's
     * memory as capacity, which would shrink every bar to a sliver.
     */
    static String bar(ResourceAudit a) {
        // the fullest node's pods against that node: the node the verdict of limitsFitAllocatable() is about
        ResourceAudit.NodeMemory n = a.fullestNode();
        long requests = a.podsOn(n).stream().mapToLong(ResourceAudit.PodResources::requestsBytes).sum();
        long limits = a.limitsBytesOn(n);
        long allocatable = n.allocatableBytes();
        long capacity = n.capacityBytes();
        long largest = Math.max(allocatable, Math.max(requests, limits));
        double max = Math.max(1, largest * 1.25);
        StringBuilder svg = new StringBuilder("<svg class=\"resources\" width=\"" + WIDTH + "\" height=\"64\" "
                + "viewBox=\"0 0 " + WIDTH + " 64\" role=\"img\">");
        row(svg, 4, "requests", requests, requests > allocatable, max);
        row(svg, 24, "limits", limits, limits > allocatable, max);
        line(svg, allocatable, max, "allocatable " + Html.bytes(allocatable), "#333");
        boolean capacityFits = capacity <= max;
        if (capacityFits) {
            line(svg, capacity, max, "capacity " + Html.bytes(capacity), "#999");
        }
        svg.append("<text x=\"0\" y=\"60\" font-size=\"11\">")
                .append(a.nodes().size() > 1 ? "fullest node " + esc(n.node()) + ": " : "")
                .append("limits ").append(pct(allocatable <= 0 ? 0 : (double) limits / allocatable))
                .append(" of allocatable, requests ").append(pct(allocatable <= 0 ? 0 : (double) requests / allocatable))
                .append(" · black line: allocatable ").append(Html.bytes(allocatable))
                .append(capacityFits ? " · grey line: capacity " : " · capacity (off the scale) ")
                .append(Html.bytes(capacity)).append("</text>");
        return svg.append("</svg>").toString();
    }

    private static void row(StringBuilder svg, int y, String label, long bytes, boolean over, double max) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
                        + "<title>%s %s</title></rect><text x=\"4\" y=\"%d\" font-size=\"11\">%s %s</text>", y,
                WIDTH * bytes / max, over ? "#e57373" : "#90caf9", label, Html.bytes(bytes), y + 12, label,
                Html.bytes(bytes)));
    }

    private static void line(StringBuilder svg, long bytes, double max, String title, String color) {
        double x = Math.min(WIDTH - 1, WIDTH * bytes / max);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"44\" stroke=\"%s\" "
                + "stroke-width=\"2\"><title>%s</title></line>", x, x, color, esc(title)));
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
