package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.Arguments;
import dev.squeeze.internal.assertions.ShouldHaveLimitsWithin;
import dev.squeeze.internal.assertions.ShouldHaveResources;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.PodResources;
import java.util.List;
import java.util.Locale;

/**
 * Assertions on the workload's memory requests and limits as deployed, read back at steady state (before pressure)
 * against the node's allocatable memory. They judge any run, valid or not (see {@link dev.squeeze.internal.report.summary.Validity}):
 * the audit does not depend on pressure, so a run whose hog never started still audits the workload.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * assertThat(report).resources().everyPodHasMemoryLimits().noBestEffortPods().limitsFitAllocatable();
 * assertThat(report).resources().limitsAtMost(80.0);
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class ResourcesAssert extends AbstractReportPartAssert<ResourcesAssert> {

    /** For {@code proxy(...)} in soft assertions; reach it through {@code assertThat(report).resources()}. */
    public ResourcesAssert(ChaosReport actual) {
        super(actual, ResourcesAssert.class);
    }

    /** Every pod has memory limits, and on every node the limits of its pods fit its allocatable memory. */
    public ResourcesAssert limitsFitAllocatable() {
        return limitsAtMost(100.0);
    }

    /**
     * Every pod has memory limits, and on every node the pods' limits sum to at most {@code percentOfAllocatable} % of
     * that node's allocatable memory (above 100 allows overcommit; NaN and negative values are refused).
     */
    public ResourcesAssert limitsAtMost(double percentOfAllocatable) {
        Arguments.percentOfCapacity("limitsAtMost", "percentOfAllocatable", percentOfAllocatable);
        ResourceAudit a = audit();
        double percent = a.limitsOverAllocatable() * 100;
        boolean unknownNode = a.allocatableBytes() <= 0 || a.nodes().stream()
                .anyMatch(n -> n.allocatableBytes() <= 0 && !a.podsOn(n).isEmpty());
        if (!a.unboundedPods().isEmpty() || unknownNode || percent > percentOfAllocatable) {
            throwAssertionError(ShouldHaveLimitsWithin.shouldHaveLimitsWithin(percentOfAllocatable, a, report()));
        }
        return myself;
    }

    /** Every container of every workload pod has a memory limit. */
    public ResourcesAssert everyPodHasMemoryLimits() {
        ResourceAudit a = audit();
        List<PodResources> unbounded = a.unboundedPods();
        if (!unbounded.isEmpty()) {
            throwAssertionError(ShouldHaveResources.shouldHaveResources("every container to have a memory limit",
                    unbounded.stream().map(p -> "pod " + p.name() + " (" + p.qos() + "): no memory limit on "
                            + String.join(", ", p.containersWithoutLimits())).toList(), report()));
        }
        return myself;
    }

    /** No workload pod is in QoS class BestEffort (the kubelet evicts those first). */
    public ResourcesAssert noBestEffortPods() {
        List<PodResources> bestEffort = audit().pods().stream().filter(p -> "BestEffort".equals(p.qos())).toList();
        if (!bestEffort.isEmpty()) {
            throwAssertionError(ShouldHaveResources.shouldHaveResources("no pod to be in QoS class BestEffort",
                    bestEffort.stream().map(p -> "pod " + p.name() + " is BestEffort: no memory request or limit")
                            .toList(), report()));
        }
        return myself;
    }

    private ResourceAudit audit() {
        isNotNull();
        ResourceAudit a = actual.cluster() == null ? null : actual.cluster().resources();
        if (a == null || a.pods().isEmpty()) {
            throwAssertionError(ShouldHaveResources.shouldHaveResources("a resource audit of the workload pods",
                    List.of("none was recorded: the run ended before steady state, or no pod matched the watched "
                            + "selectors; watch the workload with @Workload(readySelectors) or @MemoryHog(watch) (ExperimentSpec.withWatchedPods)"), report()));
        }
        return a;
    }
}
