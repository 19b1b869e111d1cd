package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cluster held in the extension store. Implements both close contracts so the node is stopped whether or not the
 * user turned off {@code junit.jupiter.extensions.store.close.autocloseable.enabled}; closing twice is harmless.
 */
@SuppressWarnings("deprecation") // CloseableResource: kept for runs with AutoCloseable store closing disabled
record StartedCluster(ChaosCluster cluster, String owner, AtomicBoolean closed) implements HeldCluster {

    private static final Logger LOG = LoggerFactory.getLogger(StartedCluster.class);

    StartedCluster(ChaosCluster cluster, String owner) {
        this(cluster, owner, new AtomicBoolean());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.info("Squeeze: closing the cluster of {}", owner);
            cluster.close();
        }
    }
}
