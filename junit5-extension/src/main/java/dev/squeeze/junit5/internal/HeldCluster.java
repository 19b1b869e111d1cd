package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The cluster a class or method holds in the extension store: a node of its own ({@link StartedCluster}) or a view of
 * a shared one ({@link SharedNodes}). Closing it releases what the holder owns.
 */
@SuppressWarnings("deprecation") // CloseableResource: see StartedCluster
interface HeldCluster extends AutoCloseable, ExtensionContext.Store.CloseableResource {

    ChaosCluster cluster();

    @Override
    void close();
}
