package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HttpSample;
import dev.squeeze.internal.report.summary.Outage;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Probe latency on a log scale (milliseconds to timeouts) with every failed tick as a red mark along the top and
 * outages shaded; used for the API server's two probes and for the workload's HTTP probe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ApiChart {

    private static final double MIN_MS = 1;
    private static final List<Double> GRID = List.of(1.0, 10.0, 100.0, 1000.0, 10000.0);

    private ApiChart() {
    }

    static String api(ChaosReport report, TimeAxis axis, List<Outage> outages) {
        SvgChart chart = base(report, axis, "API server latency", outages, maxMs(report.api().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.fresh(), s.pooled())).toList()));
        chart.line(points(report.api(), ApiSample::at, ApiSample::pooled), "s-pooled", MemoryChart.MAX_GAP_MILLIS)
                .line(points(report.api(), ApiSample::at, ApiSample::fresh), "s-fresh", MemoryChart.MAX_GAP_MILLIS);
        for (ApiSample s : report.api()) {
            failure(chart, s.at(), s.fresh(), "fresh /readyz", 0);
            failure(chart, s.at(), s.pooled(), "pooled GET", 9);
        }
        return chart.events(EventStyle.markers(report.events())).render();
    }

    static String http(ChaosReport report, TimeAxis axis, List<Outage> outages) {
        SvgChart chart = base(report, axis, "HTTP probe latency", outages,
                maxMs(report.http().stream().map(HttpSample::outcome).toList()));
        chart.line(points(report.http(), HttpSample::at, HttpSample::outcome), "s-http", MemoryChart.MAX_GAP_MILLIS);
        for (HttpSample s : report.http()) {
            failure(chart, s.at(), s.outcome(), "HTTP", 0);
        }
        return chart.events(EventStyle.markers(report.events())).render();
    }

    private static SvgChart base(ChaosReport report, TimeAxis axis, String label, List<Outage> outages, double maxMs) {
        double top = 10;
        while (top < maxMs * 1.2 && top < 100_000) {
            top *= 10;
        }
        final double limit = top;
        SvgChart chart = new SvgChart(axis, 220, label).logarithmic(MIN_MS, limit).phaseBands(report.phases())
                .grid(GRID.stream().filter(v -> v <= limit).toList(), ApiChart::msLabel).timeTicks();
        for (Outage o : outages) {
            double x0 = axis.x(o.start());
            chart.rect(x0, chart.top(), axis.x(o.end()) - x0, chart.bottom() - chart.top(), "outage",
                    "down " + Timeline.seconds(o.duration()) + " from " + axis.label(o.start()) + " ("
                            + o.failedTicks() + " failed ticks): " + o.firstError());
        }
        return chart;
    }

    private static void failure(SvgChart chart, Instant at, ProbeOutcome outcome, String probe, double dy) {
        if (outcome instanceof ProbeOutcome.Failure f) {
            double x = chart.axis().x(at);
            chart.rect(x - 1.5, chart.top() + 2 + dy, 3, 7, "fail",
                    chart.axis().label(at) + " " + probe + " failed after " + Timeline.millis(f.latency()) + ": "
                            + f.error());
        }
    }

    private static <T> List<SvgChart.Point> points(List<T> samples, Function<T, Instant> at,
                                                   Function<T, ProbeOutcome> outcome) {
        return samples.stream().map(s -> {
            ProbeOutcome o = outcome.apply(s);
            return new SvgChart.Point(at.apply(s), o.ok() ? Math.max(MIN_MS, o.latency().toNanos() / 1e6) : null);
        }).toList();
    }

    private static double maxMs(List<ProbeOutcome> outcomes) {
        return outcomes.stream().filter(ProbeOutcome::ok).mapToDouble(o -> o.latency().toNanos() / 1e6).max()
                .orElse(MIN_MS);
    }

    private static String msLabel(double ms) {
        return ms >= 1000 ? Html.num(ms / 1000) + " s" : Html.num(ms) + " ms";
    }
}
