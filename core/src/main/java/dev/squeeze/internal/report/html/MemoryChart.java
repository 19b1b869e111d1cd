package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.HogSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.units.MemorySize;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Node memory over time: available vs the eviction threshold, node working set, and the hog's touched size and RSS. */
@API(status = INTERNAL, since = "0.1")
public final class MemoryChart {

    private static final long MI = 1L << 20;
    private static final long[] STEPS = {64 * MI, 128 * MI, 256 * MI, 512 * MI, 1024 * MI, 2048 * MI, 4096 * MI,
            8192 * MI, 16384 * MI, 32768 * MI, 65536 * MI};
    static final long MAX_GAP_MILLIS = 5_000;

    private MemoryChart() {
    }

    static String render(ChaosReport report, TimeAxis axis) {
        List<NodeSample> node = nodeOfInterest(report);
        Function<NodeSample, Long> workingSet = workingSet(node);
        ClusterFacts facts = report.cluster();
        long top = 0;
        for (NodeSample s : node) {
            top = Math.max(top, Math.max(nz(s.availableBytes()), nz(workingSet.apply(s))));
        }
        for (HogSample h : report.hog()) {
            top = Math.max(top, Math.max(h.touchedBytes(), Math.max(h.rssBytes(), h.targetBytes())));
        }
        long declared = facts == null ? 0 : facts.declaredBytes();
        long threshold = facts == null ? 0 : facts.evictionThresholdBytes();
        top = Math.max(top, Math.max(declared, threshold));
        long step = step(top);
        double max = Math.max(step, Math.ceil(top * 1.06 / step) * step);
        List<Double> grid = new ArrayList<>();
        for (double v = 0; v <= max + 1; v += step) {
            grid.add(v);
        }
        SvgChart chart = new SvgChart(axis, 280, "Node memory over time").linear(0, max)
                .phaseBands(report.phases())
                .grid(grid, v -> label((long) v))
                .timeTicks();
        if (declared > 0) {
            chart.hline(declared, "limit-node", "node size " + MemorySize.ofBytes(declared).toHuman());
        }
        if (threshold > 0) {
            chart.hline(threshold, "limit-evict", "eviction threshold " + MemorySize.ofBytes(threshold).toHuman());
        }
        chart.line(points(node, workingSet), "s-ws", MAX_GAP_MILLIS)
                .line(hog(report, HogSample::rssBytes), "s-rss", MAX_GAP_MILLIS)
                .line(hog(report, HogSample::touchedBytes), "s-hog", MAX_GAP_MILLIS)
                .line(points(node, NodeSample::availableBytes), "s-avail", MAX_GAP_MILLIS)
                .events(EventStyle.markers(report.events()));
        return chart.render();
    }

    /**
     * The node's working set: read from its memory wall when the probe could (on cgroup v1 the kubelet's own figure is
     * the host's root cgroup, not the node's), else the kubelet's {@code /stats/summary}.
     */
    static Function<NodeSample, Long> workingSet(List<NodeSample> node) {
        return wallMeasured(node) ? NodeSample::wallWorkingSetBytes : NodeSample::workingSetBytes;
    }

    /** What the working-set line shows, for the legend. */
    static String workingSetLabel(ChaosReport report) {
        List<NodeSample> node = nodeOfInterest(report);
        return wallMeasured(node) ? "node working set (its memory wall's cgroup)"
                : "node working set (kubelet /stats/summary)";
    }

    private static boolean wallMeasured(List<NodeSample> node) {
        return node.stream().anyMatch(s -> s.wallWorkingSetBytes() != null);
    }

    /** On a multi-node cluster the chart follows the node the facts name (where the hog ran), else the first. */
    static List<NodeSample> nodeOfInterest(ChaosReport report) {
        String name = report.cluster() == null ? null : report.cluster().node();
        List<NodeSample> named = report.node().stream().filter(s -> s.node() != null && s.node().equals(name)).toList();
        if (!named.isEmpty() || report.node().isEmpty()) {
            return named;
        }
        String first = report.node().get(0).node();
        return report.node().stream().filter(s -> first == null ? s.node() == null : first.equals(s.node())).toList();
    }

    private static List<SvgChart.Point> points(List<NodeSample> samples, Function<NodeSample, Long> value) {
        return samples.stream().map(s -> new SvgChart.Point(s.at(), toDouble(value.apply(s)))).toList();
    }

    private static List<SvgChart.Point> hog(ChaosReport report, Function<HogSample, Long> value) {
        return report.hog().stream().map(s -> new SvgChart.Point(s.at(), toDouble(value.apply(s)))).toList();
    }

    private static Double toDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static long step(long top) {
        for (long s : STEPS) {
            if (top / s <= 6) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    private static String label(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        if (bytes < (1L << 30)) {
            return (bytes / MI) + " MiB";
        }
        return Html.num(Math.round(bytes * 10.0 / (1L << 30)) / 10.0) + " GiB";
    }
}
