package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HttpSuccess;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the optional HTTP probe of the workload's Service.
 *
 * <pre>{@code
 * assertThat(report).http().hasSuccessRateAtLeast(99.5);
 * }</pre>
 */
public class HttpAssert extends AbstractAssert<HttpAssert, ChaosReport> {

    private final String report;

    HttpAssert(ChaosReport actual, String report) {
        super(actual, HttpAssert.class);
        this.report = report;
    }

    public HttpAssert hasSuccessRateAtLeast(double percent) {
        HttpSuccess http = HttpSuccess.of(actual);
        if (!http.hasSamples()) {
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples("HTTP probe", report));
        }
        if (http.percent() < percent) {
            throwAssertionError(ShouldHaveHttpSuccessRateAtLeast.shouldHaveHttpSuccessRateAtLeast(http, percent,
                    actual.started(), report));
        }
        return myself;
    }
}
