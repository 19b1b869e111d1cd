package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.Arguments;
import dev.squeeze.internal.assertions.ShouldHaveApiFailures;
import dev.squeeze.internal.assertions.ShouldHaveAvailabilityAtLeast;
import dev.squeeze.internal.assertions.ShouldHaveLongestGapAtMost;
import dev.squeeze.internal.assertions.ShouldHaveNoApiFailures;
import dev.squeeze.internal.assertions.ShouldHaveSamples;
import dev.squeeze.internal.assertions.ShouldMeetLatencySlo;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.internal.report.summary.ApiLatencySlo;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import java.time.Duration;
import java.util.Arrays;

/**
 * Assertions on the API server's availability as the probes saw it, over the tick grid: a scheduled tick nobody
 * observed (missed, skipped, still in flight at close) counts as a failed tick. Each assertion first checks that
 * memory pressure was applied (see {@link ChaosReportAssert#allowingNoPressure()}).
 *
 * <!-- sample(ChaosReport report, ChaosReport brokenReport) -->
 * <pre>{@code
 * assertThat(report).apiServer().hasAvailabilityAtLeast(99.0).hasLongestGapAtMost(Duration.ofSeconds(5));
 * assertThat(report).apiServer().isAvailable().meetsLatencySlo();   // 99.5%, p99 <= 1 s
 * assertThat(report).apiServer().pooled().hasNoFailures();
 * assertThat(report).apiServer().duringPhase(Phase.PRESSURE, Phase.HOLD).hasAvailabilityAtLeast(95.0);
 * assertThat(brokenReport).apiServer().hadFailures();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class ApiServerAssert extends AbstractReportPartAssert<ApiServerAssert> {

    /**
     * What "available" means without a number: 99.5%, the threshold ClusterLoader2's {@code APIAvailability}
     * measurement is run with in Kubernetes' scalability tests (Kubernetes itself has no official availability SLO).
     */
    public static final double DEFAULT_AVAILABILITY_PERCENT = dev.squeeze.internal.report.summary.Cl2Availability.THRESHOLD_PERCENT;

    private boolean pooled;
    private Phase[] phases = new Phase[0];

    /** For {@code proxy(...)} in soft assertions; reach it through {@code assertThat(report).apiServer()}. */
    public ApiServerAssert(ChaosReport actual) {
        super(actual, ApiServerAssert.class);
    }

    /** The pooled keep-alive probe (a small GET, as a controller does) instead of {@code /readyz} over fresh TLS. */
    public ApiServerAssert pooled() {
        ApiServerAssert next = sibling(ApiServerAssert.class, ApiServerAssert::new);
        next.pooled = true;
        next.phases = phases;
        return next;
    }

    /** Only the ticks taken during these phases (all phases when none given). */
    public ApiServerAssert duringPhase(Phase... only) {
        ApiServerAssert next = sibling(ApiServerAssert.class, ApiServerAssert::new);
        next.pooled = pooled;
        next.phases = only.clone();
        return next;
    }

    /**
     * Successful ticks were at least {@code percent} of the scheduled ticks.
     *
     * @param percent a percentage from 0 to 100: {@code 99.0} means 99% (not 0.99)
     * @throws IllegalArgumentException when {@code percent} is NaN, negative or above 100
     */
    public ApiServerAssert hasAvailabilityAtLeast(double percent) {
        Arguments.percent("hasAvailabilityAtLeast", "percent", percent);
        ApiAvailability a = availability();
        if (a.percent() < percent) {
            throwAssertionError(ShouldHaveAvailabilityAtLeast.shouldHaveAvailabilityAtLeast(a, percent,
                    actual.started(), report()));
        }
        return myself;
    }

    /**
     * Successful ticks were at least {@value #DEFAULT_AVAILABILITY_PERCENT}% of the scheduled ticks: the availability
     * threshold of ClusterLoader2's {@code APIAvailability} measurement. Same as
     * {@code hasAvailabilityAtLeast(99.5)}, with a message that names the default.
     */
    public ApiServerAssert isAvailable() {
        ApiAvailability a = availability();
        if (a.percent() < DEFAULT_AVAILABILITY_PERCENT) {
            throwAssertionError(ShouldHaveAvailabilityAtLeast.shouldBeAvailable(a, actual.started(), report()));
        }
        return myself;
    }

    /**
     * The 99th percentile of the pooled probe's call latency was at most 1 s: the Kubernetes API call latency SLO
     * for single-object calls (kubernetes/community {@code sig-scalability/slos/api_call_latency.md}: "99th
     * percentile per cluster-day (a) &lt;= 1s if {@code scope=resource}"). Counts every observed pooled call over the
     * phases chosen with {@link #duringPhase(Phase...)} (all phases by default), failed calls with the time until they
     * failed; the {@code fresh} probe and unobserved ticks do not count, whether or not {@link #pooled()} was called.
     * See {@link ApiLatencySlo} for why.
     */
    public ApiServerAssert meetsLatencySlo() {
        requireValidRun("the API server");
        ApiLatencySlo slo = ApiLatencySlo.of(actual, phases);
        if (slo.calls().isEmpty()) {
            String what = "API server (pooled probe calls" + (phases.length == 0 ? "" : ", phases "
                    + Arrays.toString(phases)) + ")";
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples(what, report()));
        }
        if (!slo.met()) {
            throwAssertionError(ShouldMeetLatencySlo.shouldMeetLatencySlo(slo, actual.started(), report()));
        }
        return myself;
    }

    /**
     * The longest outage (from the last success before a run of failed or unobserved ticks to the first success
     * after it) lasted at most {@code max}.
     *
     * @throws IllegalArgumentException when {@code max} is null or negative
     */
    public ApiServerAssert hasLongestGapAtMost(Duration max) {
        Arguments.notNegative("hasLongestGapAtMost", "max", max);
        ApiAvailability a = availability();
        if (a.longestGap().compareTo(max) > 0) {
            throwAssertionError(ShouldHaveLongestGapAtMost.shouldHaveLongestGapAtMost(a, max, actual.started(),
                    report()));
        }
        return myself;
    }

    /** Every scheduled tick was observed and succeeded. */
    public ApiServerAssert hasNoFailures() {
        ApiAvailability a = availability();
        if (a.failures() > 0) {
            throwAssertionError(ShouldHaveNoApiFailures.shouldHaveNoApiFailures(a, actual.started(), report()));
        }
        return myself;
    }

    /** The damage side: at least one tick failed or went unobserved (the broken scenario's API starvation). */
    public ApiServerAssert hadFailures() {
        ApiAvailability a = availability();
        if (a.failures() == 0) {
            throwAssertionError(ShouldHaveApiFailures.shouldHaveApiFailures(a, report()));
        }
        return myself;
    }

    private ApiAvailability availability() {
        requireValidRun("the API server");
        ApiAvailability a = pooled ? ApiAvailability.pooled(actual, phases) : ApiAvailability.fresh(actual, phases);
        if (!a.hasSamples()) {
            String what = "API server (" + a.probe() + " probe" + (phases.length == 0 ? "" : ", phases "
                    + Arrays.toString(phases)) + ")";
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples(what, report()));
        }
        return a;
    }
}
