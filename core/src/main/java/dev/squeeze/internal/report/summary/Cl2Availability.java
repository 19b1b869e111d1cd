package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's availability in the shape of ClusterLoader2's {@code APIAvailability} measurement
 * (kubernetes/perf-tests, {@code clusterloader2/pkg/measurement/common/api_availability_metrics.go}), so a number from
 * Squeeze can sit next to one from a scalability run. CL2 counts probes answered with HTTP 200 and reports
 * {@code availabilityPercentage} (successes over all probes, times 100) and {@code longestUnavailablePeriod} (the
 * longest run of consecutive failed probes times the poll interval, written as Go's {@code time.Duration} prints it:
 * {@code 0s}, {@code 3s}, {@code 1m30s}).
 *
 * <p>Squeeze's probes map onto CL2's two levels: its {@code clusterMetrics} GET {@code /readyz} over the client's
 * pooled connection (Squeeze's {@code pooled} probe, a small GET on the pooled client), its {@code hostMetrics}
 * {@code curl} each host with a fresh connection per probe (Squeeze's {@code fresh} probe, {@code /readyz} over a new
 * TLS connection). As everywhere in Squeeze, a scheduled tick nobody observed counts as a failed probe. Two
 * deliberate differences: without any probe CL2 reports 100% where Squeeze reports no number ({@code null}, "not
 * observed"), and the poll interval is Squeeze's tick (1 s by default), not CL2's configured {@code pollFrequency}.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * Cl2Availability cl2 = Cl2Availability.pooled(report);
 * cl2.availabilityPercentage();     // 99.25
 * cl2.longestUnavailablePeriod();   // "2s"
 * }</pre>
 *
 * @param probe                  {@code fresh} or {@code pooled}
 * @param probes                 how many probes (scheduled ticks) were counted
 * @param availabilityPercentage successes in percent of probes, {@code null} without probes
 * @param longestUnavailable     the longest run of consecutive failed probes times {@code pollInterval}
 * @param pollInterval           the probes' interval: the median step between the report's API ticks, to the ms
 */
@API(status = INTERNAL, since = "0.1")
public record Cl2Availability(String probe, int probes, Double availabilityPercentage, Duration longestUnavailable,
                              Duration pollInterval) {

    /** CL2's measurement name, written beside the numbers so a reader knows which tool's shape this is. */
    public static final String MEASUREMENT = "APIAvailability";

    /**
     * The availability ClusterLoader2's {@code APIAvailability} measurement requires, in percent: the threshold of
     * {@code isAvailable()}, the CL2 cards and the top API cards (below it a card is red).
     */
    public static final double THRESHOLD_PERCENT = 99.5;

    /** The fresh-connection probe in CL2's shape (its host-level, fresh {@code curl} per probe). */
    public static Cl2Availability fresh(ChaosReport report) {
        return of(report, ApiAvailability.fresh(report));
    }

    /** The pooled-connection probe in CL2's shape (its cluster-level probe over the pooled client). */
    public static Cl2Availability pooled(ChaosReport report) {
        return of(report, ApiAvailability.pooled(report));
    }

    static Cl2Availability of(ChaosReport report, ApiAvailability a) {
        Duration interval = pollInterval(report.api());
        int longestRun = a.outages().stream().mapToInt(Outage::failedTicks).max().orElse(0);
        return new Cl2Availability(a.probe(), a.ticks(), a.hasSamples() ? a.percent() : null,
                interval.multipliedBy(longestRun), interval);
    }

    /** CL2's {@code longestUnavailablePeriod} text: Go's {@code time.Duration.String()} of the longest period. */
    public String longestUnavailablePeriod() {
        return goDuration(longestUnavailable);
    }

    /** The median step between consecutive API ticks in whole ms; {@link Duration#ZERO} with fewer than two ticks. */
    static Duration pollInterval(List<ApiSample> api) {
        if (api.size() < 2) {
            return Duration.ZERO;
        }
        List<Duration> steps = new ArrayList<>();
        for (int i = 1; i < api.size(); i++) {
            steps.add(Duration.between(api.get(i - 1).at(), api.get(i).at()));
        }
        steps.sort(null);
        // ticks land a few microseconds off the grid; CL2 multiplies by its configured interval, so round to it
        return Duration.ofMillis(Math.round(steps.get(steps.size() / 2).toNanos() / 1e6));
    }

    /**
     * A duration as Go's {@code time.Duration.String()} writes it: {@code 0s}, {@code 750ms}, {@code 1.5s},
     * {@code 2m0s}, {@code 1h0m3s}; below one second in {@code ms}, {@code µs} or {@code ns}.
     */
    public static String goDuration(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n < 1_000) {
            return sign + n + "ns";
        }
        if (n < 1_000_000) {
            return sign + decimal(n, 3) + "µs";
        }
        if (n < 1_000_000_000) {
            return sign + decimal(n, 6) + "ms";
        }
        long hours = n / 3_600_000_000_000L;
        long minutes = n / 60_000_000_000L % 60;
        String seconds = decimal(n % 60_000_000_000L, 9) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return sign + (minutes > 0 ? minutes + "m" : "") + seconds;
    }

    /** {@code value / 10^scale} without trailing zeros, as Go prints fractions. */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
