package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.Arguments;
import dev.squeeze.internal.assertions.ShouldHaveHttpSuccessRateAtLeast;
import dev.squeeze.internal.assertions.ShouldHaveSamples;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.HttpSuccess;

/**
 * Assertions on the optional HTTP probe of the workload's Service, over the tick grid: a scheduled tick nobody
 * observed counts as a failed request. Each assertion first checks that memory pressure was applied (see
 * {@link ChaosReportAssert#allowingNoPressure()}).
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * assertThat(report).http().hasSuccessRateAtLeast(99.9);
 * assertThat(report).http().isAvailable();   // at least 99.5%
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class HttpAssert extends AbstractReportPartAssert<HttpAssert> {

    /** For {@code proxy(...)} in soft assertions; reach it through {@code assertThat(report).http()}. */
    public HttpAssert(ChaosReport actual) {
        super(actual, HttpAssert.class);
    }

    /**
     * Healthy answers were at least {@code percent} of the scheduled ticks.
     *
     * @param percent a percentage from 0 to 100: {@code 99.0} means 99% (not 0.99)
     * @throws IllegalArgumentException when {@code percent} is NaN, negative or above 100
     */
    public HttpAssert hasSuccessRateAtLeast(double percent) {
        Arguments.percent("hasSuccessRateAtLeast", "percent", percent);
        HttpSuccess http = success();
        if (http.percent() < percent) {
            throwAssertionError(ShouldHaveHttpSuccessRateAtLeast.shouldHaveHttpSuccessRateAtLeast(http, percent,
                    actual.started(), report()));
        }
        return myself;
    }

    /**
     * Healthy answers were at least {@value ApiServerAssert#DEFAULT_AVAILABILITY_PERCENT}% of the scheduled ticks, the
     * same default as {@link ApiServerAssert#isAvailable()}; same as {@code hasSuccessRateAtLeast(99.5)}.
     */
    public HttpAssert isAvailable() {
        HttpSuccess http = success();
        if (http.percent() < ApiServerAssert.DEFAULT_AVAILABILITY_PERCENT) {
            throwAssertionError(ShouldHaveHttpSuccessRateAtLeast.shouldBeAvailable(http, actual.started(), report()));
        }
        return myself;
    }

    private HttpSuccess success() {
        requireValidRun("the workload's HTTP probe");
        HttpSuccess http = HttpSuccess.of(actual);
        if (!http.hasSamples()) {
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples("HTTP probe", report()));
        }
        return http;
    }
}
