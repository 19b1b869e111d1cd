package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.ShouldHaveAppliedPressure;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.PodRole;
import dev.squeeze.internal.report.summary.Validity;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Assertions on a whole report; navigate to what you want to check. Every failure message ends with the report's name
 * and, once known through {@link #withReportPath(Path)}, the path of its HTML file.
 *
 * <p>A chaos test proves nothing when the chaos did not happen: every assertion reached through {@link #apiServer()},
 * {@link #pods(String)}, {@link #workloadPods()}, {@link #systemPods()}, {@link #node()} and {@link #http()} first
 * checks the report's {@link Validity} and fails with its reason ("no pressure was applied: the hog was rejected at
 * admission: ...") unless the test says it means to judge such a run with {@link #allowingNoPressure()}. The
 * assertions about the hog itself ({@link #hog()}) judge any run, so a test can assert that the hog was rejected.
 *
 * <!-- sample(ChaosReport report, ReportFiles files) -->
 * <pre>{@code
 * assertThat(report).withReportPath(files.html())
 *         .apiServer().hasAvailabilityAtLeast(99.0)
 *         .and().workloadPods().stayedReady();
 * assertThat(report).as("tuned node").systemPods().hadNoRestarts();
 * assertThat(report).allowingNoPressure().apiServer().hasNoFailures(); // a deliberately pressure-less run
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class ChaosReportAssert extends AbstractAssert<ChaosReportAssert, ChaosReport> {

    private Path reportPath;
    private boolean allowingNoPressure;
    private SoftAssertionsProvider softly;
    private Validity validity;

    public ChaosReportAssert(ChaosReport actual) {
        super(actual, ChaosReportAssert.class);
    }

    /** Names the report file in failure messages (the JUnit extension passes the HTML it wrote). */
    public ChaosReportAssert withReportPath(Path path) {
        this.reportPath = path;
        return myself;
    }

    /**
     * Opts out of the validity check: the assertions navigated to from here judge the run even when no memory
     * pressure was applied (a hog rejected at admission, never started, or far below its target). Use it only for a
     * test that deliberately judges such a run, so that the opt-out is visible where it is made.
     */
    public ChaosReportAssert allowingNoPressure() {
        this.allowingNoPressure = true;
        return myself;
    }

    /** The run applied memory pressure (see {@link Validity}); fails with the reason when it did not. */
    public ChaosReportAssert isValid() {
        isNotNull();
        if (!validity().valid()) {
            throwAssertionError(ShouldHaveAppliedPressure.shouldHaveAppliedPressure("this run", validity(),
                    reference()));
        }
        return myself;
    }

    /** The API server's fresh-connection probe; {@link ApiServerAssert#pooled()} switches to the pooled one. */
    public ApiServerAssert apiServer() {
        return create(ApiServerAssert.class, ApiServerAssert::new).navigatedFrom(this, this);
    }

    /** Pods chosen by a label selector ({@code app=web}), a role ({@code workload}) or a name pattern ({@code web-*}). */
    public PodsAssert pods(String selectorOrRole) {
        return create(PodsAssert.class, PodsAssert::new).navigatedFrom(this, this).selecting(selectorOrRole);
    }

    /** The pods the experiment watched as its workload. */
    public PodsAssert workloadPods() {
        return pods(PodRole.WORKLOAD.name().toLowerCase(Locale.ROOT));
    }

    /** kube-system pods: restarts there are the seed story's symptom (the API server's neighbours starving). */
    public PodsAssert systemPods() {
        return pods(PodRole.SYSTEM.name().toLowerCase(Locale.ROOT));
    }

    /** What happened to the memory hog; these assertions judge any run, valid or not. */
    public HogAssert hog() {
        return create(HogAssert.class, HogAssert::new).navigatedFrom(this, this);
    }

    /** The workload's memory requests and limits at steady state; these judge any run, pressure or not. */
    public ResourcesAssert resources() {
        return create(ResourcesAssert.class, ResourcesAssert::new).navigatedFrom(this, this);
    }

    /** The node(s): MemoryPressure, readiness, recovery. */
    public NodeAssert node() {
        return create(NodeAssert.class, NodeAssert::new).navigatedFrom(this, this);
    }

    /** The optional HTTP probe of the workload's Service. */
    public HttpAssert http() {
        return create(HttpAssert.class, HttpAssert::new).navigatedFrom(this, this);
    }

    /** Makes the navigators return soft (error-collecting) assertions; see {@link SqueezeSoftAssertionsProvider}. */
    ChaosReportAssert collectingInto(SoftAssertionsProvider softly) {
        this.softly = softly;
        return myself;
    }

    <T extends AbstractReportPartAssert<T>> T create(Class<T> type, Function<ChaosReport, T> hard) {
        isNotNull();
        return softly == null ? hard.apply(actual) : softly.proxy(type, ChaosReport.class, actual);
    }

    boolean allowsNoPressure() {
        return allowingNoPressure;
    }

    Validity validity() {
        if (validity == null) {
            validity = Validity.of(actual);
        }
        return validity;
    }

    /** {@code EvictionTest#hogIsEvicted() (target/squeeze-reports/EvictionTest-hogIsEvicted.html)}. */
    String reference() {
        return actual.name() + (reportPath == null ? "" : " (" + reportPath + ")");
    }
}
