package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.PodRole;
import java.nio.file.Path;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole report; navigate to what you want to check. Every failure message ends with the report's name
 * and, once known through {@link #withReportPath(Path)}, the path of its HTML file.
 *
 * <pre>{@code
 * assertThat(report).withReportPath(files.html())
 *         .apiServer().hasAvailabilityAtLeast(99.0);
 * assertThat(report).workloadPods().stayedReady();
 * assertThat(report).systemPods().hadNoRestarts();
 * }</pre>
 */
public class ChaosReportAssert extends AbstractAssert<ChaosReportAssert, ChaosReport> {

    private Path reportPath;

    protected ChaosReportAssert(ChaosReport actual) {
        super(actual, ChaosReportAssert.class);
    }

    /** Names the report file in failure messages (the JUnit extension passes the HTML it wrote). */
    public ChaosReportAssert withReportPath(Path path) {
        this.reportPath = path;
        return myself;
    }

    /** The API server's fresh-connection probe; {@link ApiServerAssert#pooled()} switches to the pooled one. */
    public ApiServerAssert apiServer() {
        isNotNull();
        return new ApiServerAssert(actual, reference(), false);
    }

    /** Pods chosen by a label selector ({@code app=web}), a role ({@code workload}) or a name pattern ({@code web-*}). */
    public PodsAssert pods(String selectorOrRole) {
        isNotNull();
        return new PodsAssert(actual, reference(), selectorOrRole);
    }

    /** The pods the experiment watched as its workload. */
    public PodsAssert workloadPods() {
        return pods(PodRole.WORKLOAD.name().toLowerCase(Locale.ROOT));
    }

    /** kube-system pods: restarts there are the seed story's symptom (the API server's neighbours starving). */
    public PodsAssert systemPods() {
        return pods(PodRole.SYSTEM.name().toLowerCase(Locale.ROOT));
    }

    public HogAssert hog() {
        isNotNull();
        return new HogAssert(actual, reference());
    }

    public NodeAssert node() {
        isNotNull();
        return new NodeAssert(actual, reference());
    }

    public HttpAssert http() {
        isNotNull();
        return new HttpAssert(actual, reference());
    }

    /** {@code EvictionTest#hogIsEvicted() (target/squeeze-reports/EvictionTest-hogIsEvicted.html)}. */
    String reference() {
        return actual.name() + (reportPath == null ? "" : " (" + reportPath + ")");
    }
}
