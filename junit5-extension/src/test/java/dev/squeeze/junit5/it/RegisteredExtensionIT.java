package dev.squeeze.junit5.it;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.SqueezeExtension;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.units.MemorySize;
import dev.squeeze.workload.WorkloadSpec;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same experiment declared in code, through {@link SqueezeExtension#builder()}. */
@Order(2) // with the other ITs on the same shared node (squeeze.reuseNodes in the POM),
@ResourceLock("squeeze-shared-node") // one after another while other classes run in parallel
class RegisteredExtensionIT {

    @RegisterExtension
    static SqueezeExtension squeeze = SqueezeExtension.builder()
            .node(NodeSpec.ofMemory(MemorySize.parse("2Gi")).withPressureTransitionPeriod(Duration.ofSeconds(10)))
            .workload(WorkloadSpec.of("classpath:it/innocent.yaml").withReadySelectors(List.of("app=innocent")))
            .build();

    @Test
    @MemoryHog(size = "30%", rate = "200Mi/s", hold = "2s", recoveryWindow = "5s")
    void builderNodeRunsTheExperiment(ChaosReport report) {
        assertThat(report.name()).isEqualTo("RegisteredExtensionIT-builderNodeRunsTheExperiment");
        assertThat(report.cluster().declaredBytes()).isEqualTo(MemorySize.parse("2Gi").bytes());
        assertThat(report.pods()).isNotEmpty();
    }
}
