package dev.squeeze.assertions;

import dev.squeeze.report.ApiAvailability;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the API server's availability as the probes saw it.
 *
 * <pre>{@code
 * assertThat(report).apiServer().hasAvailabilityAtLeast(99.0).hasLongestGapAtMost(Duration.ofSeconds(5));
 * assertThat(report).apiServer().pooled().hasNoFailures();
 * assertThat(report).apiServer().duringPhase(Phase.PRESSURE, Phase.HOLD).hasAvailabilityAtLeast(95.0);
 * assertThat(brokenReport).apiServer().hadFailures();
 * }</pre>
 */
public class ApiServerAssert extends AbstractAssert<ApiServerAssert, ChaosReport> {

    private final String report;
    private final boolean pooled;
    private final Phase[] phases;

    ApiServerAssert(ChaosReport actual, String report, boolean pooled, Phase... phases) {
        super(actual, ApiServerAssert.class);
        this.report = report;
        this.pooled = pooled;
        this.phases = phases;
    }

    /** The pooled keep-alive probe instead of the fresh TLS connection. */
    public ApiServerAssert pooled() {
        return new ApiServerAssert(actual, report, true, phases);
    }

    /** Only the ticks taken during these phases. */
    public ApiServerAssert duringPhase(Phase... only) {
        return new ApiServerAssert(actual, report, pooled, only);
    }

    public ApiServerAssert hasAvailabilityAtLeast(double percent) {
        ApiAvailability a = availability();
        if (a.percent() < percent) {
            throwAssertionError(ShouldHaveAvailabilityAtLeast.shouldHaveAvailabilityAtLeast(a, percent,
                    actual.started(), report));
        }
        return myself;
    }

    public ApiServerAssert hasLongestGapAtMost(Duration max) {
        ApiAvailability a = availability();
        if (a.longestGap().compareTo(max) > 0) {
            throwAssertionError(ShouldHaveLongestGapAtMost.shouldHaveLongestGapAtMost(a, max, actual.started(), report));
        }
        return myself;
    }

    public ApiServerAssert hasNoFailures() {
        ApiAvailability a = availability();
        if (a.failures() > 0) {
            throwAssertionError(ShouldHaveNoApiFailures.shouldHaveNoApiFailures(a, actual.started(), report));
        }
        return myself;
    }

    /** The damage side: at least one tick failed (the broken scenario's API starvation). */
    public ApiServerAssert hadFailures() {
        ApiAvailability a = availability();
        if (a.failures() == 0) {
            throwAssertionError(ShouldHaveApiFailures.shouldHaveApiFailures(a, report));
        }
        return myself;
    }

    private ApiAvailability availability() {
        ApiAvailability a = pooled ? ApiAvailability.pooled(actual, phases) : ApiAvailability.fresh(actual, phases);
        if (!a.hasSamples()) {
            String what = "API server (" + a.probe() + " probe" + (phases.length == 0 ? "" : ", phases "
                    + Arrays.toString(phases)) + ")";
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples(what, report));
        }
        return a;
    }
}
