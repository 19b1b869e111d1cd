package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what happened to the memory hog.
 *
 * <pre>{@code
 * assertThat(report).hog().wasEvictedForMemory();
 * assertThat(report).hog().reachedTarget().hasFate(HogFate.SURVIVED);
 * assertThat(brokenReport).hog().wasOomKilled();
 * }</pre>
 */
public class HogAssert extends AbstractAssert<HogAssert, ChaosReport> {

    private final String report;

    HogAssert(ChaosReport actual, String report) {
        super(actual, HogAssert.class);
        this.report = report;
    }

    public HogAssert hasFate(HogFate expected) {
        HogOutcome outcome = actual.hogOutcome();
        if (outcome == null || outcome.fate() != expected) {
            throwAssertionError(ShouldHaveHogFate.shouldHaveHogFate(expected, outcome, actual.started(), report));
        }
        return myself;
    }

    public HogAssert wasEvicted() {
        return hasFate(HogFate.EVICTED);
    }

    public HogAssert wasOomKilled() {
        return hasFate(HogFate.OOM_KILLED);
    }

    public HogAssert reachedTarget() {
        HogOutcome outcome = actual.hogOutcome();
        if (outcome == null || !outcome.reachedTarget()) {
            throwAssertionError(ShouldHaveReachedTarget.shouldHaveReachedTarget(outcome, actual.started(), report));
        }
        return myself;
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
                    actual.hogOutcome(), actual.started(), report));
        }
        return myself;
    }
}
