package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.Arguments;
import dev.squeeze.internal.assertions.ShouldHaveAtMostRestarts;
import dev.squeeze.internal.assertions.ShouldHaveBeenDamaged;
import dev.squeeze.internal.assertions.ShouldHaveBeenObserved;
import dev.squeeze.internal.assertions.ShouldHaveSamples;
import dev.squeeze.internal.assertions.ShouldHaveStayedReady;
import dev.squeeze.internal.assertions.ShouldMatchPods;
import dev.squeeze.internal.assertions.ShouldNotHaveBeenEvicted;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.PodCoverage;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.internal.report.summary.PodSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Assertions on the watched pods a selector chooses (see {@link PodSelector} for the forms it takes). A selector that
 * matches no recorded pod fails every assertion, so a typo cannot pass. Each assertion first checks that memory
 * pressure was applied (see {@link ChaosReportAssert#allowingNoPressure()}).
 *
 * <!-- sample(ChaosReport report, ChaosReport brokenReport) -->
 * <pre>{@code
 * assertThat(report).pods("app=web").stayedReady().hadNoRestarts().wereNotEvicted();
 * assertThat(report).systemPods().hadAtMostRestarts(0);
 * assertThat(brokenReport).pods("app=web").hadRestartsOrNotReady();
 * assertThat(report).workloadPods().onOtherNodes().stayedReady();   // a multi-node cluster
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class PodsAssert extends AbstractReportPartAssert<PodsAssert> {

    static final String DAMAGE = "damage (a restart, an eviction, an OOM kill or not being Ready during pressure)";

    private String selector = "workload";
    private String podSelector = "workload";
    private Predicate<String> node = n -> true;

    /** For {@code proxy(...)} in soft assertions; reach it through {@code assertThat(report).pods("app=web")}. */
    public PodsAssert(ChaosReport actual) {
        super(actual, PodsAssert.class);
    }

    /** Only the matched pods that ran on {@code nodeName} (their latest recorded spec.nodeName). */
    public PodsAssert onNode(String nodeName) {
        return narrowed(selector + " on node " + nodeName, nodeName::equals);
    }

    /** Only the matched pods that ran on another node than the one under pressure (the report's cluster node). */
    public PodsAssert onOtherNodes() {
        String target = actual.cluster() == null ? null : actual.cluster().node();
        return narrowed(selector + " on nodes other than " + target, n -> n != null && !n.equals(target));
    }

    private PodsAssert narrowed(String label, Predicate<String> onNode) {
        PodsAssert narrowed = sibling(PodsAssert.class, PodsAssert::new).selecting(podSelector);
        narrowed.selector = label;
        narrowed.node = onNode;
        return narrowed;
    }

    PodsAssert selecting(String selectorOrRole) {
        this.selector = selectorOrRole;
        this.podSelector = selectorOrRole;
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
        Map<String, String> nodes = new HashMap<>();
        actual.pods().stream().filter(p -> p.node() != null).forEach(p -> nodes.put(p.namespace() + "/" + p.name(),
                p.node()));
        List<PodHistory> pods = PodSelector.parse(podSelector).select(all).stream()
                .filter(p -> node.test(nodes.get(p.namespace() + "/" + p.name()))).toList();
        if (pods.isEmpty()) {
            throwAssertionError(ShouldMatchPods.shouldMatchPods(selector, all, report()));
        }
        return pods;
    }
}
