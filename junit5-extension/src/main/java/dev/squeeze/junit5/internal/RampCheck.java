package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.internal.units.Durations;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.Optional;

/**
 * A hog that cannot reach its size within {@code rampTimeout} at its {@code rate} is a contradiction visible before
 * it starts: at validation when the size is known then (absolute, a percentage of the declared k3s node's
 * allocatable memory or of the hog's limit), else once the node is read (an existing cluster, node capacity).
 *
 * <pre>{@code
 * RampCheck.atValidation(spec, Optional.of(node)).ifPresent(problem -> ...);
 * }</pre>
 */
final class RampCheck {

    private static final long MI = 1L << 20;

    private RampCheck() {
    }

    /** The contradiction, as "what is wrong. Fix: ..." text, if the size is known without a cluster. */
    static Optional<String> atValidation(ExperimentSpec spec, Optional<NodeSpec> k3sNode) {
        HogSpec hog = spec.hog();
        if (hog.size() instanceof HogSize.Absolute absolute) {
            return problem(spec, absolute.size(), absolute.size().toQuantity());
        }
        HogSize.Percent percent = (HogSize.Percent) hog.size();
        if (percent.basis() == SizeBasis.HOG_LIMIT && !hog.limit().isZero()) {
            return problem(spec, percentOf(hog.limit(), percent.percent()), describe(percent, hog.limit(), "hog limit"));
        }
        if (percent.basis() == SizeBasis.NODE_ALLOCATABLE && k3sNode.isPresent()) {
            NodeSpec node = k3sNode.get();
            long bytes = node.memory().bytes() - node.systemReserved().bytes() - node.kubeReserved().bytes()
                    - node.evictionHard().bytes();
            if (bytes <= 0) {
                return Optional.empty(); // the node check reports this
            }
            MemorySize allocatable = MemorySize.ofBytes(bytes);
            return problem(spec, percentOf(allocatable, percent.percent()),
                    describe(percent, allocatable, "allocatable of the " + node.memory().toQuantity() + " node"));
        }
        return Optional.empty();
    }

    /** Before the hog starts on a node only known now; a percentage of a node basis resolved from its facts. */
    static void beforeStart(ExperimentSpec spec, ClusterFacts facts) {
        if (!(spec.hog().size() instanceof HogSize.Percent percent) || percent.basis() == SizeBasis.HOG_LIMIT) {
            return;
        }
        boolean capacity = percent.basis() == SizeBasis.NODE_CAPACITY;
        long basis = capacity ? facts.capacityBytes() : facts.allocatableBytes();
        if (basis <= 0) {
            return;
        }
        MemorySize node = MemorySize.ofBytes(basis);
        problem(spec, percentOf(node, percent.percent()), describe(percent, node,
                (capacity ? "capacity" : "allocatable") + " of node " + facts.node()))
                .ifPresent(problem -> {
                    throw new ExtensionConfigurationException("The hog of experiment " + spec.name()
                            + " (rate, rampTimeout) " + problem);
                });
    }

    private static Optional<String> problem(ExperimentSpec spec, MemorySize size, String sizeText) {
        HogSpec hog = spec.hog();
        if (hog.rate().isMax() || size.bytes() <= 0) {
            return Optional.empty();
        }
        Duration needed = Duration.ofMillis((long) Math.ceil(size.bytes() * 1000.0 / hog.rate().bytesPerSecond()));
        Duration timeout = spec.rampTimeout();
        if (needed.compareTo(timeout) <= 0 || timeout.isZero() || timeout.isNegative()) {
            return Optional.empty();
        }
        long rateMi = (long) Math.ceil(size.bytes() / (double) MI / Math.max(1, timeout.toSeconds()));
        long minutes = (needed.toSeconds() + 59) / 60;
        return Optional.of("cannot reach " + sizeText + " within rampTimeout: at " + hog.rate() + " it needs "
                + Durations.format(needed) + ", but rampTimeout is " + Durations.format(timeout) + ". Fix: write rate"
                + " = \"" + rateMi + "Mi/s\" or faster, or rampTimeout = \"" + minutes + "m\" or longer");
    }

    private static MemorySize percentOf(MemorySize basis, double percent) {
        return MemorySize.ofBytes((long) Math.floor(basis.bytes() * percent / 100.0));
    }

    private static String describe(HogSize.Percent percent, MemorySize basis, String what) {
        return java.math.BigDecimal.valueOf(percent.percent()).stripTrailingZeros().toPlainString() + "% of "
                + basis.toHuman() + " (" + what + ") = " + percentOf(basis, percent.percent()).toHuman();
    }
}
