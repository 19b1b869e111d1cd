package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Nearest-rank percentiles of probe latencies.
 *
 * <pre>{@code
 * Latencies l = Latencies.of(List.of(Duration.ofMillis(5), Duration.ofMillis(9)));
 * l.p99();   // PT0.009S
 * }</pre>
 *
 * @param count how many latencies went in; the percentiles are {@link Duration#ZERO} when it is 0 (the JSON report
 *              writes them as null then, and the HTML as n/a)
 */
@API(status = INTERNAL, since = "0.1")
public record Latencies(int count, Duration p50, Duration p99, Duration max) {

    public static final Latencies NONE = new Latencies(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public static Latencies of(Collection<Duration> latencies) {
        if (latencies.isEmpty()) {
            return NONE;
        }
        List<Duration> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Latencies(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
