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
