package dev.squeeze.examples;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.junit5.ChaosRunner;
import dev.squeeze.junit5.SqueezeExtension;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;
import dev.squeeze.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;

/**
 * The programmatic style: the node and workload come from a builder, and the test body runs its own experiments
 * through the injected {@link ChaosRunner}. Here a hog the tuned node can absorb: it reaches its target, holds it,
 * and nothing else notices (the baseline every bigger experiment is compared with).
 */
class ProgrammaticHogsIT {

    @RegisterExtension
    static SqueezeExtension squeeze = SqueezeExtension.builder()
            .node(NodeSpec.ofMemory(MemorySize.parse("2Gi"))
                    .withKubeReserved(MemorySize.parse("700Mi"))
                    .withEvictionHard(MemorySize.parse("400Mi"))
                    .withPressureTransitionPeriod(Duration.ofSeconds(10)))
            .workload(WorkloadSpec.of("classpath:k8s/tuned.yaml").withReadySelectors(List.of("app=web")))
            .build();

    @Test
    void a_hog_the_node_can_absorb_changes_nothing(ChaosRunner chaos) {
        HogSpec small = HogSpec.of(HogSize.percentOf(25, SizeBasis.NODE_ALLOCATABLE))
                .withRate(MemoryRate.parse("100Mi/s"))
                .withHold(Duration.ofSeconds(5));

        ChaosReport report = chaos.run(chaos.experiment(small).withRecovery(Duration.ofMinutes(2), Duration.ofSeconds(5)));

        assertThat(report).hog().reachedTarget().hasFate(HogFate.SURVIVED);
        assertThat(report).node().neverHadMemoryPressure().stayedReady();
        assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
        assertThat(report).workloadPods().stayedReady().hadNoRestarts();
    }
}
