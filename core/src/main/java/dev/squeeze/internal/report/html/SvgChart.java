package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;
import static dev.squeeze.internal.report.html.Html.num;

import org.apiguardian.api.API;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.PhaseSpan;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A small SVG plotting surface on the shared {@link TimeAxis}: phase bands, grid, time ticks, lines with gaps,
 * threshold lines and event markers. Each chart class composes one of these; styling lives in {@code report.css}.
 */
@API(status = INTERNAL, since = "0.1")
public final class SvgChart {

    static final int TOP = 10;
    static final int BOTTOM = 24;

    /** A value at a moment; a {@code null} value breaks the line (the kubelet did not answer). */
    record Point(Instant at, Double value) {
    }

    private final TimeAxis axis;
    private final int height;
    private final StringBuilder svg = new StringBuilder(4096);
    private double min = 0;
    private double max = 1;
    private boolean log;

    SvgChart(TimeAxis axis, int height, String label) {
        this.axis = axis;
        this.height = height;
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(TimeAxis.WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\">");
    }

    SvgChart linear(double min, double max) {
        this.min = min;
        this.max = max > min ? max : min + 1;
        this.log = false;
        return this;
    }

    /** Log scale for latencies, which span milliseconds to timeouts. */
    SvgChart logarithmic(double min, double max) {
        linear(Math.log10(min), Math.log10(max));
        this.log = true;
        return this;
    }

    double top() {
        return TOP;
    }

    double bottom() {
        return height - BOTTOM;
    }

    double y(double value) {
        double v = log ? Math.log10(Math.max(value, Math.pow(10, min))) : value;
        double fraction = (v - min) / (max - min);
        return bottom() - Math.max(0, Math.min(1, fraction)) * (bottom() - top());
    }

    SvgChart phaseBands(List<PhaseSpan> phases) {
        for (PhaseSpan p : phases) {
            double x0 = axis.x(p.start());
            rect(x0, top(), axis.x(p.end()) - x0, bottom() - top(), "band band-" + p.phase().name().toLowerCase(Locale.ROOT),
                    p.phase() + " " + axis.label(p.start()) + " to " + axis.label(p.end()));
        }
        return this;
    }

    SvgChart grid(List<Double> values, DoubleFunction<String> label) {
        for (double v : values) {
            double y = y(v);
            svg.append("<line class=\"grid\" x1=\"").append(TimeAxis.LEFT).append("\" x2=\"").append(num(axis.right()))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            text(TimeAxis.LEFT - 8, y + 4, "ylabel", label.apply(v));
        }
        return this;
    }

    SvgChart timeTicks() {
        for (Instant t : axis.ticks()) {
            double x = axis.x(t);
            svg.append("<line class=\"tick\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"")
                    .append(num(bottom())).append("\" y2=\"").append(num(bottom() + 4)).append("\"/>");
            text(x, bottom() + 16, "xlabel", axis.label(t));
        }
        svg.append("<line class=\"axis\" x1=\"").append(TimeAxis.LEFT).append("\" x2=\"").append(num(axis.right()))
                .append("\" y1=\"").append(num(bottom())).append("\" y2=\"").append(num(bottom())).append("\"/>");
        return this;
    }

    SvgChart events(List<EventRecord> events) {
        for (EventRecord e : events) {
            double x = axis.x(e.at());
            svg.append("<g class=\"event ").append(EventStyle.cssClass(e)).append("\"><title>")
                    .append(esc(axis.label(e.at()) + " " + e.reason() + " " + e.objectName() + ": " + e.message()))
                    .append("</title><line x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"")
                    .append(num(top())).append("\" y2=\"").append(num(bottom())).append("\"/><path d=\"M")
                    .append(num(x - 4)).append(' ').append(num(top())).append("h8l-4 6z\"/></g>");
        }
        return this;
    }

    /** A line through the points; {@code null} values and gaps longer than {@code maxGapMillis} break it. */
    SvgChart line(List<Point> points, String cssClass, long maxGapMillis) {
        StringBuilder d = new StringBuilder();
        Instant previous = null;
        for (Point p : points) {
            if (p.value() == null) {
                previous = null;
                continue;
            }
            boolean jump = previous == null || p.at().toEpochMilli() - previous.toEpochMilli() > maxGapMillis;
            d.append(jump ? 'M' : 'L').append(num(axis.x(p.at()))).append(' ').append(num(y(p.value())));
            previous = p.at();
        }
        if (!d.isEmpty()) {
            svg.append("<path class=\"").append(cssClass).append("\" d=\"").append(d).append("\"/>");
        }
        return this;
    }

    SvgChart hline(double value, String cssClass, String label) {
        double y = y(value);
        svg.append("<g class=\"").append(cssClass).append("\"><title>").append(esc(label)).append("</title><line x1=\"")
                .append(TimeAxis.LEFT).append("\" x2=\"").append(num(axis.right())).append("\" y1=\"").append(num(y))
                .append("\" y2=\"").append(num(y)).append("\"/></g>");
        text(axis.right() - 4, y - 4, "hlabel " + cssClass, label);
        return this;
    }

    SvgChart rect(double x, double y, double w, double h, String cssClass, String title) {
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(Math.max(w, 0.8))).append("\" height=\"").append(num(h)).append('"');
        if (title == null) {
            svg.append("/>");
        } else {
            svg.append("><title>").append(esc(title)).append("</title></rect>");
        }
        return this;
    }

    SvgChart circle(double x, double y, double r, String cssClass, String title) {
        svg.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(num(x)).append("\" cy=\"")
                .append(num(y)).append("\" r=\"").append(num(r)).append("\"><title>").append(esc(title))
                .append("</title></circle>");
        return this;
    }

    SvgChart text(double x, double y, String cssClass, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\">").append(esc(text)).append("</text>");
        return this;
    }

    TimeAxis axis() {
        return axis;
    }

    String render() {
        return svg + "</svg>";
    }
}
