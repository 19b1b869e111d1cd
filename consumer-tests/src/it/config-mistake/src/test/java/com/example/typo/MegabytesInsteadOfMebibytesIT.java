package com.example.typo;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import org.junit.jupiter.api.Test;

/** "MB" is not a Kubernetes quantity (M or Mi is): Squeeze must refuse it by name, before any node starts. */
@ChaosNode(memory = "2Gi")
class MegabytesInsteadOfMebibytesIT {

    @Test
    @MemoryHog(size = "3000MB")
    void neverRuns() {
        throw new AssertionError("a test with an invalid @MemoryHog must not run");
    }
}
