package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Adds Squeeze's {@code assertThat(report)} to any AssertJ soft assertions: every navigated assertion
 * ({@code apiServer()}, {@code pods(...)}, ...) collects its failures instead of throwing.
 *
 * <pre>{@code
 * class MySoftAssertions extends SoftAssertions implements SqueezeSoftAssertionsProvider {}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SqueezeSoftAssertionsProvider extends SoftAssertionsProvider {

    /** Soft assertions on a report; failures are collected until {@code assertAll()}. */
    default ChaosReportAssert assertThat(ChaosReport report) {
        return proxy(ChaosReportAssert.class, ChaosReport.class, report).collectingInto(this);
    }
}
