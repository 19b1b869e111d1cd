package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.ShouldHaveAppliedPressure;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.Validity;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;

/**
 * Base of the assertions a {@link ChaosReportAssert} navigates to ({@code apiServer()}, {@code pods(...)},
 * {@code node()}, {@code http()}, {@code hog()}): they keep the report assertion's description ({@code as(...)},
 * {@code withFailMessage(...)}), its report path and its {@code allowingNoPressure()} choice, offer {@link #and()}
 * back to it, and work inside soft assertions ({@link SqueezeSoftAssertions}).
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * assertThat(report).as("tuned node").apiServer().hasAvailabilityAtLeast(99.0)
 *         .and().node().stayedReady();
 * }</pre>
 *
 * @param <SELF> the concrete assertion type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AbstractReportPartAssert<SELF extends AbstractReportPartAssert<SELF>>
        extends AbstractAssert<SELF, ChaosReport> {

    private ChaosReportAssert parent;

    protected AbstractReportPartAssert(ChaosReport actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Back to the report's assertions (the same one this assertion was navigated from, description and all). */
    public ChaosReportAssert and() {
        return parent != null ? parent : new ChaosReportAssert(actual);
    }

    /** Links this assertion to the report assertion it came from and takes over the description of {@code from}. */
    SELF navigatedFrom(ChaosReportAssert parent, AbstractAssert<?, ?> from) {
        this.parent = parent;
        if (from.info.hasDescription()) {
            info.description(from.info.description());
        }
        String override = from.info.overridingErrorMessage();
        if (override != null) {
            info.overridingErrorMessage(override);
        }
        info.useRepresentation(from.info.representation());
        return myself;
    }

    /** Another assertion on the same report, with this one's description (soft when this one is). */
    <T extends AbstractReportPartAssert<T>> T sibling(Class<T> type, Function<ChaosReport, T> create) {
        return and().create(type, create).navigatedFrom(parent, this);
    }

    /** The report's name and, once known, its HTML path, for the last line of every failure message. */
    String report() {
        return parent != null ? parent.reference() : actual.name();
    }

    /**
     * Fails when no memory pressure was applied (see {@link Validity}), unless the test opted out with
     * {@link ChaosReportAssert#allowingNoPressure()}: a survival verdict on a run without chaos proves nothing.
     *
     * @param judging what the assertion judges, for the message ({@code the API server's availability})
     */
    void requireValidRun(String judging) {
        if (parent != null && parent.allowsNoPressure()) {
            return;
        }
        Validity validity = parent != null ? parent.validity() : Validity.of(actual);
        if (!validity.valid()) {
            throwAssertionError(ShouldHaveAppliedPressure.shouldHaveAppliedPressure(judging, validity, report()));
        }
    }
}
