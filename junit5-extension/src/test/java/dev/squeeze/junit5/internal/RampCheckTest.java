package dev.squeeze.junit5.internal;

import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A percentage of a node Squeeze did not start is checked as soon as the node is read, before the hog starts. */
class RampCheckTest {

    private static final ClusterFacts BIG_NODE = new ClusterFacts("existing", "v1.34", "worker-1", "physical",
            0, 68_719_476_736L, 64L << 30, null, 0, List.of());

    @Test
    void aPercentageOfAnExistingNodeThatCannotBeReachedInTimeIsRefusedBeforeTheHogStarts() {
        ExperimentSpec spec = experiment(SizeBasis.NODE_ALLOCATABLE);

        assertThatThrownBy(() -> RampCheck.beforeStart(spec, BIG_NODE))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("The hog of experiment big (rate, rampTimeout) cannot reach 50% of 64.00 GiB (allocatable"
                        + " of node worker-1) = 32.00 GiB within rampTimeout: at 40Mi/s it needs 13m39s, but"
                        + " rampTimeout is 3m. Fix: write rate = \"183Mi/s\" or faster, or rampTimeout = \"14m\" or"
                        + " longer");
    }

    @Test
    void aPercentageThatFitsPasses() {
        ExperimentSpec spec = experiment(SizeBasis.NODE_ALLOCATABLE).withRampTimeout(Duration.ofMinutes(15));

        assertThatCode(() -> RampCheck.beforeStart(spec, BIG_NODE)).doesNotThrowAnyException();
    }

    private static ExperimentSpec experiment(SizeBasis basis) {
        HogSpec hog = HogSpec.of(HogSize.percentOf(50, basis))
                .withRate(MemoryRate.perSecond(MemorySize.ofMebibytes(40)));
        return ExperimentSpec.of("big", hog).withRampTimeout(Duration.ofMinutes(3));
    }
}
