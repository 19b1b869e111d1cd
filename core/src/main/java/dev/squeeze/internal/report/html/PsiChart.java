package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;
import static dev.squeeze.internal.report.html.Html.num;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.PressureStall;
import dev.squeeze.internal.report.summary.PsiSummary;
import java.util.List;
import java.util.function.Function;

/**
 * The node's memory pressure stall (PSI {@code some}/{@code full} avg10, percent) as a thin strip under the node memory
 * chart, on the same time axis, labelled with where it was read ("host-wide" on cgroup v1); "PSI unavailable: reason"
 * where there is none.
 */
@API(status = INTERNAL, since = "0.1")
public final class PsiChart {

    private PsiChart() {
    }

    static String render(ChaosReport report, TimeAxis axis) {
        List<NodeSample> node = MemoryChart.nodeOfInterest(report);
        String name = node.isEmpty() ? null : node.get(0).node();
        PsiSummary psi = PsiSummary.of(name, node);
        if (!psi.available()) {
            return "<p class=\"muted small psi-unavailable\">PSI unavailable: " + esc(psi.unavailable())
                    + events(psi) + "</p>";
        }
        double top = 0;
        for (NodeSample s : node) {
            if (s.psi() != null) {
                top = Math.max(top, Math.max(nz(s.psi().someAvg10()), nz(s.psi().fullAvg10())));
            }
        }
        double max = top <= 10 ? 10 : top <= 25 ? 25 : top <= 50 ? 50 : 100;
        SvgChart chart = new SvgChart(axis, 96, "Memory pressure stall (PSI avg10)").linear(0, max)
                .phaseBands(report.phases())
                .grid(List.of(0.0, max / 2, max), v -> num(v) + "%")
                .timeTicks()
                .line(points(node, PressureStall::fullAvg10), "s-psi-full", MemoryChart.MAX_GAP_MILLIS)
                .line(points(node, PressureStall::someAvg10), "s-psi-some", MemoryChart.MAX_GAP_MILLIS);
        return "<div class=\"psi\"><div class=\"legend\"><span><i class=\"key k-s-psi-some\"></i>memory stall some"
                + " (avg10 %)</span><span><i class=\"key k-s-psi-full\"></i>full</span><span class=\"muted small\">"
                + (psi.hostWide() ? "<b>host-wide</b> " + esc(psi.source().substring(PressureStall.HOST_WIDE.length()))
                : esc(psi.source())) + " · peak during PRESSURE/HOLD:"
                + " some " + pct(psi.maxSomeAvg10()) + ", full " + pct(psi.maxFullAvg10()) + events(psi)
                + "</span></div>" + chart.render() + "</div>";
    }

    private static String events(PsiSummary psi) {
        if (psi.eventDeltas().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" · cgroup counters over the chaos phases:");
        psi.eventDeltas().forEach((k, v) -> b.append(' ').append(esc(k)).append(" +").append(v));
        return b.toString();
    }

    private static String pct(Double v) {
        return v == null ? "not read" : num(v) + "%";
    }

    private static List<SvgChart.Point> points(List<NodeSample> samples, Function<PressureStall, Double> value) {
        return samples.stream().map(s -> new SvgChart.Point(s.at(), s.psi() == null ? null : value.apply(s.psi())))
                .toList();
    }

    private static double nz(Double v) {
        return v == null ? 0 : v;
    }
}
