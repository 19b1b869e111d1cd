package dev.squeeze.experiment;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What the test expects the target node to do with the hog, checked against the node's configuration before any
 * pressure, so that a test that cannot pass fails in seconds with the setting to change instead of after a long ramp.
 *
 * <pre>{@code
 * @Test
 * @MemoryHog(size = "120%", expect = Expect.EVICTION)
 * void theLeakIsEvicted(ChaosReport report) { ... }
 * }</pre>
 * or, with the programmatic API:
 * <!-- sample(HogSpec hog) -->
 * <pre>{@code
 * ExperimentSpec.of("evicts", hog).expecting(Expect.EVICTION);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Expect {

    /** No expectation: the experiment runs on any node and the assertions judge the outcome (the default). */
    ANY,

    /**
     * The kubelet evicts the hog for memory. The target node's kubelet must have a {@code memory.available} hard
     * eviction threshold ({@code evictionHard} in its {@code /configz}); without one the experiment fails before the
     * hog is created, naming the node, its {@code evictionHard} and the kubelet setting to add.
     */
    EVICTION
}
