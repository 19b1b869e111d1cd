package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveAvailabilityAtLeast.shouldHaveAvailabilityAtLeast;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ReportFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiServerAssertHasAvailabilityAtLeastTest {

    private final ChaosReport report = ReportFixtures.evictionScenario();

    @Test
    void passes_when_availability_is_at_least_the_bound() {
        // GIVEN 65 of 67 fresh ticks ok (97.0%)
        // WHEN / THEN
        assertThatNoException().isThrownBy(() -> assertThat(report).apiServer().hasAvailabilityAtLeast(97.0));
        assertThatNoException().isThrownBy(() -> assertThat(report).apiServer().duringPhase(Phase.RECOVERY)
                .hasAvailabilityAtLeast(100.0));
    }

    @Test
    void fails_with_the_outages_when_availability_is_lower() {
        // GIVEN
        ApiAvailability fresh = ApiAvailability.fresh(report);
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).apiServer().hasAvailabilityAtLeast(99.0))
                .withMessage(shouldHaveAvailabilityAtLeast(fresh, 99.0, report.started(), report.name()).create());
    }

    @Test
    void the_message_reads_like_assertj_and_names_the_report_path() {
        String nl = System.lineSeparator();
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).withReportPath(Path.of("target", "r.html")).apiServer()
                        .hasAvailabilityAtLeast(99.0))
                .withMessage(nl + "Expecting API server availability (fresh probe, 65 of 67 ticks ok)" + nl
                        + "  97.0%" + nl + "to be at least:" + nl + "  99.0%" + nl
                        + "but it was down for 3.0 s in 1 gap (longest 3.0 s at +00:15, in PRESSURE: TLS handshake timeout)"
                        + nl + "Outages:" + nl
                        + "  +00:15 to +00:18 (3.0 s, 2 failed ticks, in PRESSURE): TLS handshake timeout" + nl
                        + "Report: EvictionTest#bestEffortHogIsEvicted() (" + Path.of("target", "r.html") + ")");
    }

    @Test
    void the_pooled_probe_is_asserted_separately() {
        ApiAvailability pooled = ApiAvailability.pooled(report);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).apiServer().pooled().hasAvailabilityAtLeast(99.9))
                .withMessage(shouldHaveAvailabilityAtLeast(pooled, 99.9, report.started(), report.name()).create());
    }
    @Test
    void a_bound_with_two_decimals_prints_as_given() {
        // GIVEN 1998 of 2000 ticks ok (99.9%) against 99.95%
        ChaosReport r = ReportFixtures.with(ReportFixtures.evictionScenario(),
                ReportFixtures.api("+".repeat(1000) + "--" + "+".repeat(998)), null, null);
        // WHEN / THEN
        org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> SqueezeAssertions.assertThat(r).apiServer().hasAvailabilityAtLeast(99.95))
                .withMessageContaining("  99.90%" + System.lineSeparator() + "to be at least:"
                        + System.lineSeparator() + "  99.95%" + System.lineSeparator());
    }
}
