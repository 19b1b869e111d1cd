package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How long a node (or, on an existing cluster, a namespace) lives.
 *
 * <pre>{@code
 * @ChaosNode(memory = "2Gi", lifecycle = Lifecycle.PER_METHOD)
 * class FreshNodeForEachTestIT { ... }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public enum Lifecycle {
    /**
     * One node and one workload deployment shared by all test methods of the class (and its {@code @Nested}
     * classes). Between methods the experiment's recovery phase removes the hog and waits for the node to recover.
     */
    PER_CLASS,
    /** A fresh node and workload for every test method: slower, but no method sees another's aftermath. */
    PER_METHOD
}
