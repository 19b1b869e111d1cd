package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.ShouldHaveBeenEvictedForMemory;
import dev.squeeze.internal.assertions.ShouldHaveHogFate;
import dev.squeeze.internal.assertions.ShouldHaveReachedTarget;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import java.util.List;

/**
 * Assertions on what happened to the memory hog. They judge any run, valid or not (see
 * {@link dev.squeeze.internal.report.summary.Validity}): a test may well expect the hog to be rejected.
 *
 * <!-- sample(ChaosReport report, ChaosReport brokenReport) -->
 * <pre>{@code
 * assertThat(report).hog().wasEvictedForMemory();
 * assertThat(report).hog().reachedTarget().hasFate(HogFate.SURVIVED);
 * assertThat(brokenReport).hog().wasOomKilled();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class HogAssert extends AbstractReportPartAssert<HogAssert> {

    /** For {@code proxy(...)} in soft assertions; reach it through {@code assertThat(report).hog()}. */
    public HogAssert(ChaosReport actual) {
        super(actual, HogAssert.class);
    }

    /** The hog's final fate was {@code expected} (evicted, OOM-killed, rejected, failed, survived, never started). */
    public HogAssert hasFate(HogFate expected) {
        HogOutcome outcome = actual.hogOutcome();
        if (outcome == null || outcome.fate() != expected) {
            throwAssertionError(ShouldHaveHogFate.shouldHaveHogFate(expected, outcome, actual.started(), report()));
        }
        return myself;
    }

    /** The kubelet evicted the hog (for any resource; see {@link #wasEvictedForMemory()}). */
    public HogAssert wasEvicted() {
        return hasFate(HogFate.EVICTED);
    }

    /** The kernel OOM-killed the hog's container. */
    public HogAssert wasOomKilled() {
        return hasFate(HogFate.OOM_KILLED);
    }

    /** The hog reported touching its whole target size (the eater entered its hold phase). */
    public HogAssert reachedTarget() {
        HogOutcome outcome = actual.hogOutcome();
        if (outcome == null || !outcome.reachedTarget()) {
            throwAssertionError(ShouldHaveReachedTarget.shouldHaveReachedTarget(outcome, actual.started(), report()));
        }
        return myself;
    }

    /** The API server or the kubelet refused the hog (an admission webhook, a quota, an unknown priority class). */
    public HogAssert wasRejected() {
        return hasFate(HogFate.REJECTED);
    }

    /** Evicted, and the kubelet's Evicted event for the hog pod carries {@code starved_resource=memory}. */
    public HogAssert wasEvictedForMemory() {
        List<String> hogPods = actual.pods().stream().filter(p -> p.role() == PodRole.HOG).map(PodSample::name)
                .distinct().toList();
        List<EventRecord> evictions = actual.events().stream()
                .filter(e -> "Evicted".equals(e.reason()) && hogPods.contains(e.objectName())).toList();
        if (evictions.stream().noneMatch(e -> "memory".equals(e.annotations().get("starved_resource")))) {
            throwAssertionError(ShouldHaveBeenEvictedForMemory.shouldHaveBeenEvictedForMemory(
                    hogPods.isEmpty() ? List.of("(no hog pod was recorded)") : hogPods, evictions,
                    actual.hogOutcome(), actual.started(), report()));
        }
        return myself;
    }
}
