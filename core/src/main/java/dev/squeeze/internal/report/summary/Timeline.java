package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Time helpers shared by summaries, renderers and assertion messages, so every place writes "+00:41" the same way.
 *
 * <!-- sample(ChaosReport report, Outage outage, Instant at) -->
 * <pre>{@code
 * Timeline.offset(report.started(), outage.start());   // "+00:41"
 * Timeline.seconds(Duration.ofMillis(9100));            // "9.1 s"
 * Timeline.phaseAt(report.phases(), at);                // Optional[PRESSURE]
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Timeline {

    private Timeline() {
    }

    /** {@code at} relative to {@code origin} as {@code +mm:ss} ({@code +h:mm:ss} past an hour; {@code -} before origin). */
    public static String offset(Instant origin, Instant at) {
        if (origin == null || at == null) {
            return "+??:??";
        }
        long ms = Duration.between(origin, at).toMillis();
        String sign = ms < 0 ? "-" : "+";
        long s = Math.abs(ms) / 1000;
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, (s % 3600) / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%s%02d:%02d", sign, s / 60, s % 60);
    }

    /** A duration in seconds with one decimal: {@code 9.1 s}. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** A latency in milliseconds: {@code 12 ms}, {@code 0.4 ms} below one. */
    public static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 1 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** A percentage with one decimal: {@code 92.4%}; {@code n/a} for NaN (no samples). */
    public static String percent(double percent) {
        return Double.isNaN(percent) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** A threshold as given, with as many decimals as it has (at least one): {@code 99.5%}, {@code 99.95%}. */
    public static String percentBound(double bound) {
        return Double.isNaN(bound) ? "n/a" : fixed(bound, decimals(bound, 1)) + "%";
    }

    /**
     * A measured percentage judged against {@code bound}: with the bound's decimals, and more where those would print
     * the bound itself for a different number, so a failing number never reads as its bound ({@code 184/185} against
     * {@code 99.5} is {@code 99.46%}, not {@code 99.5%}); {@code n/a} for NaN.
     */
    public static String percentNear(double percent, double bound) {
        if (Double.isNaN(percent)) {
            return "n/a";
        }
        return near(percent, bound, Double.isNaN(bound) ? 1 : decimals(bound, 1)) + "%";
    }

    /** A duration threshold in seconds, with as many decimals as it has (at least one): {@code 5.0 s}, {@code 4.99 s}. */
    public static String secondsBound(Duration bound) {
        double s = bound.toNanos() / 1e9;
        return fixed(s, decimals(s, 1)) + " s";
    }

    /** A measured duration in seconds next to {@code bound}, with the digits that tell them apart: {@code 5.04 s}. */
    public static String secondsNear(Duration d, Duration bound) {
        double b = bound.toNanos() / 1e9;
        return near(d.toNanos() / 1e9, b, decimals(b, 1)) + " s";
    }

    /** A latency threshold in milliseconds, with as many decimals as it has: {@code 1000 ms}. */
    public static String millisBound(Duration bound) {
        double ms = bound.toNanos() / 1e6;
        return fixed(ms, decimals(ms, ms < 1 ? 1 : 0)) + " ms";
    }

    /** A measured latency next to {@code bound}, with the digits that tell them apart: {@code 1000.4 ms}. */
    public static String millisNear(Duration d, Duration bound) {
        double ms = d.toNanos() / 1e6;
        double b = bound.toNanos() / 1e6;
        return near(ms, b, Math.max(ms < 1 ? 1 : 0, decimals(b, b < 1 ? 1 : 0))) + " ms";
    }

    private static final int MAX_DECIMALS = 12;

    /** {@code value} with at least {@code d} decimals, more while it would print as {@code bound} without being it. */
    private static String near(double value, double bound, int d) {
        while (d < MAX_DECIMALS && value != bound && fixed(value, d).equals(fixed(bound, d))) {
            d++;
        }
        return fixed(value, d);
    }

    /** The fewest decimals, at least {@code min}, that print {@code v} exactly (up to {@link #MAX_DECIMALS}). */
    private static int decimals(double v, int min) {
        for (int d = min; d < MAX_DECIMALS; d++) {
            if (Double.parseDouble(fixed(v, d)) == v) {
                return d;
            }
        }
        return MAX_DECIMALS;
    }

    private static String fixed(double v, int decimals) {
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The phase that was running at {@code at}, if any span covers it (start inclusive, end exclusive). */
    public static Optional<Phase> phaseAt(List<PhaseSpan> phases, Instant at) {
        for (PhaseSpan span : phases) {
            if (!at.isBefore(span.start()) && at.isBefore(span.end())) {
                return Optional.of(span.phase());
            }
        }
        return Optional.empty();
    }

    /** Where the experiment started for offsets: the report's start. */
    public static Instant origin(ChaosReport report) {
        return report.started();
    }
}
