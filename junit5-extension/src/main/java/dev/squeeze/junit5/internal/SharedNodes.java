package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.NodeSpec;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The k3s nodes of one test run that classes with equal node settings share, keyed by their {@link NodeSpec}. Lives in
 * the root context's store, so JUnit closes it, and every node it started, when the run ends.
 *
 * <p>At most one node waits idle: before another node starts (shared or a class's own), the idle one is stopped,
 * because two nodes on a small CI machine compete for its memory and cores (and each idle node costs what k3s itself uses). Before an idle node is
 * handed out again it must be fit ({@link ChaosEngine#unfitForReuse}); an unfit one is stopped and a fresh one started.
 */
@SuppressWarnings("deprecation") // CloseableResource: see StartedCluster
final class SharedNodes implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private static final Logger LOG = LoggerFactory.getLogger(SharedNodes.class);

    private final Map<NodeSpec, Held> idle = new LinkedHashMap<>();
    private final List<ChaosCluster> lent = new ArrayList<>();
    private boolean closed;

    /** A view of a node with {@code spec}'s settings for {@code owner}, in a namespace of its own. */
    HeldCluster borrow(NodeSpec spec, ChaosEngine engine, String owner) {
        Held held = take(spec, engine, owner);
        try {
            return new Lease(engine.borrow(held.node), held, spec, owner);
        } catch (RuntimeException e) {
            giveBack(spec, held, false);
            throw e;
        }
    }

    /** A started node and when it was first lent (kube-system damage is counted from then on). */
    private record Held(ChaosCluster node, Instant since) {
    }

    private Held take(NodeSpec spec, ChaosEngine engine, String owner) {
        Held held = takeIdle(spec, engine, owner);
        if (held != null) {
            return held;
        }
        // started outside the monitor: a class starting a node must not hold up classes running in parallel
        LOG.info("Squeeze: starting a shared k3s node for {}", owner);
        ChaosCluster node = engine.startK3s(spec);
        synchronized (this) {
            if (closed) {
                node.close();
                throw new IllegalStateException("the test run's shared nodes were closed while a node started");
            }
            lent.add(node);
        }
        return new Held(node, Instant.now());
    }

    /** The idle node with {@code spec}'s settings, lent to {@code owner}; null when one must be started. */
    private synchronized Held takeIdle(NodeSpec spec, ChaosEngine engine, String owner) {
        if (closed) {
            throw new IllegalStateException("the test run's shared nodes are already closed");
        }
        Held held = idle.remove(spec);
        if (held != null) {
            Optional<String> unfit = engine.unfitForReuse(held.node, held.since);
            if (unfit.isPresent()) {
                LOG.info("Squeeze: not reusing node {} for {}: {}; starting a fresh one", held.node.nodeName(), owner,
                        unfit.get());
                held.node.close();
            } else {
                LOG.info("Squeeze: reusing node {} for {} (equal @ChaosNode settings)", held.node.nodeName(), owner);
                lent.add(held.node);
                return held;
            }
        }
        stopIdle("before a node with other settings starts");
        return null;
    }

    private synchronized void giveBack(NodeSpec spec, Held held, boolean clean) {
        lent.remove(held.node);
        if (closed || !clean) {
            held.node.close();
            return;
        }
        Held other = idle.put(spec, held);
        if (other != null) {
            other.node.close();
        }
    }

    /** Stops the idle node, if any, such as before a class starts a node of its own: one node at a time. */
    synchronized void stopIdle(String why) {
        for (Held held : idle.values()) {
            LOG.info("Squeeze: stopping idle shared node {} {}", held.node.nodeName(), why);
            held.node.close();
        }
        idle.clear();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopIdle("at the end of the test run");
        for (ChaosCluster node : List.copyOf(lent)) {
            node.close();
        }
        lent.clear();
    }

    /** One class's hold on a shared node: closing it deletes the class's namespace and returns the node. */
    private final class Lease implements HeldCluster {
        private final ChaosCluster view;
        private final Held held;
        private final ChaosCluster node;
        private final NodeSpec spec;
        private final String owner;
        private boolean returned;

        Lease(ChaosCluster view, Held held, NodeSpec spec, String owner) {
            this.view = view;
            this.held = held;
            this.node = held.node;
            this.spec = spec;
            this.owner = owner;
        }

        @Override
        public ChaosCluster cluster() {
            return view;
        }

        @Override
        public synchronized void close() {
            if (returned) {
                return;
            }
            returned = true;
            LOG.info("Squeeze: {} returns shared node {}", owner, node.nodeName());
            boolean clean = true;
            try {
                view.close();
            } catch (RuntimeException e) {
                clean = false;
                LOG.warn("Squeeze: cleaning up after {} on node {} failed; the node is stopped instead: {}", owner,
                        node.nodeName(), e.toString());
            }
            giveBack(spec, held, clean);
        }
    }
}
