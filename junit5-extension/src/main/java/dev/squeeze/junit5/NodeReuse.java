package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Whether a test class may run on a k3s node that an earlier class with equal {@link ChaosNode @ChaosNode} settings
 * started in the same test run (one JUnit launcher run, such as one Surefire or Failsafe execution).
 *
 * <pre>{@code
 * @ChaosNode(memory = "2Gi", reuse = NodeReuse.ACROSS_CLASSES)
 * class CheckoutSurvivesAHogIT { ... }
 * }</pre>
 *
 * A reused node is handed out only after the earlier class's namespace (workload, hog) is deleted and the node is
 * Ready, without MemoryPressure and with its allocatable memory as it was at start; otherwise a fresh node is started.
 * Each class still gets a namespace of its own. Squeeze keeps at most one idle node: a class with other settings
 * stops it before starting its own, so equal classes save a start when they run one after the other.
 */
@API(status = STABLE, since = "0.1")
public enum NodeReuse {
    /**
     * Unset: the configuration parameter {@value SqueezeProperties#REUSE_NODES} ({@code true} or {@code false}), else
     * {@link #NEVER}.
     */
    DEFAULT,
    /** Share the node with other classes of equal settings; the node is stopped when the test run ends. */
    ACROSS_CLASSES,
    /** A node of this class's own, stopped when the class ends, whatever {@value SqueezeProperties#REUSE_NODES} says. */
    NEVER
}
