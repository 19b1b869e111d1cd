package com.example.shop;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import org.junit.jupiter.api.Test;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;

/** A user's first chaos test: a hog well inside the node's allocatable memory, which nothing should notice. */
@ChaosNode(memory = "2Gi")
@Workload(manifests = "classpath:k8s/shop.yaml", readySelectors = "app=shop")
class ShopSurvivesAHogIT {

    @Test
    @MemoryHog(size = "256Mi", rate = "128Mi/s", hold = "3s", steadyState = "3s", recoveryWindow = "3s")
    void theShopStaysReadyWhileAHogHoldsItsMemory(ChaosReport report) {
        assertThat(report).hog().reachedTarget().hasFate(HogFate.SURVIVED);
        assertThat(report).apiServer().hasAvailabilityAtLeast(90.0);
        assertThat(report).workloadPods().stayedReady().hadNoRestarts();
        assertThat(report).node().stayedReady().neverHadMemoryPressure();
    }
}
