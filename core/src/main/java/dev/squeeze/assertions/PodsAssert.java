package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.PodCoverage;
import dev.squeeze.report.PodHistory;
import dev.squeeze.report.PodSelector;
import java.util.List;

/**
 * Assertions on the watched pods a selector chooses (see {@link PodSelector} for the forms it takes). A selector that
 * matches no recorded pod fails every assertion, so a typo cannot pass. Each assertion first checks that memory
 * pressure was applied (see {@link ChaosReportAssert#allowingNoPressure()}).
 *
 * <pre>{@code
 * assertThat(report).pods("app=web").stayedReady().hadNoRestarts().wereNotEvicted();
 * assertThat(report).systemPods().hadAtMostRestarts(0);
 * assertThat(brokenReport).pods("app=web").hadRestartsOrNotReady();
 * }</pre>
 */
public class PodsAssert extends AbstractReportPartAssert<PodsAssert> {

    static final String DAMAGE = "damage (a restart, an eviction, an OOM kill or not being Ready during pressure)";

    private String selector = "workload";

    /** For {@code proxy(...)} in soft assertions; reach it through {@code assertThat(report).pods("app=web")}. */
    public PodsAssert(ChaosReport actual) {
        super(actual, PodsAssert.class);
    }

    PodsAssert selecting(String selectorOrRole) {
        this.selector = selectorOrRole;
        return myself;
    }

    /**
     * Every matched pod was Ready on every sample of PRESSURE, HOLD and RECOVERY, and was observed throughout (no
     * stretch of more than three ticks without a sample).
     */
    public PodsAssert stayedReady() {
        List<PodHistory> pods = matched();
        List<PodHistory> offenders = pods.stream().filter(PodHistory::leftReadyDuring).toList();
        if (!offenders.isEmpty()) {
            throwAssertionError(ShouldHaveStayedReady.shouldHaveStayedReady(selector, pods.size(), offenders,
                    actual.started(), report()));
        }
        List<String> gaps = pods.stream().flatMap(p -> PodCoverage.gaps(actual, p).stream()).toList();
        if (!gaps.isEmpty()) {
            throwAssertionError(ShouldHaveBeenObserved.shouldHaveBeenObserved(selector, gaps, report()));
        }
        return myself;
    }

    /** No container of a matched pod restarted during the experiment. */
    public PodsAssert hadNoRestarts() {
        return hadAtMostRestarts(0);
    }

    /**
     * No matched pod's containers restarted more than {@code max} times in total during the experiment.
     *
     * @param max a count of restarts, 0 or more
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public PodsAssert hadAtMostRestarts(int max) {
        Arguments.notNegative("hadAtMostRestarts", "max", max);
        List<PodHistory> offenders = matched().stream().filter(p -> p.restarts() > max).toList();
        if (!offenders.isEmpty()) {
            throwAssertionError(ShouldHaveAtMostRestarts.shouldHaveAtMostRestarts(selector, max, offenders, report()));
        }
        return myself;
    }

    /** The kubelet evicted none of the matched pods. */
    public PodsAssert wereNotEvicted() {
        List<PodHistory> evicted = matched().stream().filter(PodHistory::evicted).toList();
        if (!evicted.isEmpty()) {
            throwAssertionError(ShouldNotHaveBeenEvicted.shouldNotHaveBeenEvicted(selector, evicted, actual, report()));
        }
        return myself;
    }

    /** At least one matched pod had a container OOM-killed. */
    public PodsAssert wereOomKilled() {
        List<PodHistory> pods = matched();
        if (pods.stream().noneMatch(PodHistory::oomKilled)) {
            throwAssertionError(ShouldHaveBeenDamaged.shouldHaveBeenDamaged(selector, "an OOM kill", pods, actual,
                    report()));
        }
        return myself;
    }

    /** The damage side: at least one matched pod restarted, was evicted or OOM-killed, or left Ready under pressure. */
    public PodsAssert hadRestartsOrNotReady() {
        List<PodHistory> pods = matched();
        if (pods.stream().noneMatch(p -> p.restarts() > 0 || p.evicted() || p.oomKilled() || p.leftReadyDuring())) {
            throwAssertionError(ShouldHaveBeenDamaged.shouldHaveBeenDamaged(selector, DAMAGE, pods, actual, report()));
        }
        return myself;
    }

    private List<PodHistory> matched() {
        requireValidRun("pods matching " + selector);
        List<PodHistory> all = PodHistory.of(actual);
        if (all.isEmpty()) {
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples("pod", report()));
        }
        List<PodHistory> pods = PodSelector.parse(selector).select(all);
        if (pods.isEmpty()) {
            throwAssertionError(ShouldMatchPods.shouldMatchPods(selector, all, report()));
        }
        return pods;
    }
}
