package dev.squeeze.junit5.it;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.ChaosRunner;
import dev.squeeze.junit5.Workload;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.units.MemoryRate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The programmatic handle: two hogs of different sizes in one test body, each with its own report. */
@ChaosNode(memory = "2Gi", pressureTransitionPeriod = "10s")
@Workload(manifests = "classpath:it/innocent.yaml", readySelectors = "app=innocent")
@Order(1) // with the other ITs on the same shared node (squeeze.reuseNodes in the POM),
@ResourceLock("squeeze-shared-node") // one after another while other classes run in parallel
class ChaosRunnerIT {

    @Test
    void smallHogSurvivesLargeHogDoesNot(ChaosRunner chaos) {
        HogSpec small = HogSpec.of(HogSize.percentOf(30, SizeBasis.NODE_ALLOCATABLE))
                .withRate(MemoryRate.parse("200Mi/s")).withHold(Duration.ofSeconds(2));
        HogSpec large = HogSpec.of(HogSize.percentOf(120, SizeBasis.NODE_ALLOCATABLE))
                .withRate(MemoryRate.parse("200Mi/s")).withHold(Duration.ofSeconds(5));

        Duration window = Duration.ofSeconds(5);
        ChaosReport first = chaos.run(chaos.experiment(small).withRecovery(Duration.ofMinutes(2), window));
        ChaosReport second = chaos.run(chaos.experiment(large).withRecovery(Duration.ofMinutes(2), window));

        assertThat(first.hogOutcome().fate()).isEqualTo(HogFate.SURVIVED);
        assertThat(second.hogOutcome().fate()).isNotIn(HogFate.SURVIVED, HogFate.NEVER_STARTED);
        assertThat(Path.of("target/squeeze-reports", second.name() + ".html")).exists();
    }
}
