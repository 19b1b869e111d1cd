package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.experiment.Expect;
import dev.squeeze.experiment.ExperimentException;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.cluster.MemoryEviction;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.units.MemorySize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Before any pressure: says what the target node will do (thresholds, reservations, allocatable, whether memory
 * eviction is configured at all), and refuses an experiment that expects an eviction ({@link Expect#EVICTION}) on a
 * node whose kubelet has no {@code memory.available} hard threshold.
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeExpectation {

    private static final Logger LOG = LoggerFactory.getLogger(NodeExpectation.class);

    private NodeExpectation() {
    }

    /** @throws ExperimentException when an eviction is expected on a node that will not evict for memory */
    public static void check(ChaosCluster cluster, ExperimentSpec spec) {
        ClusterFacts facts = cluster.facts();
        String node = cluster.nodeName();
        long threshold = facts == null ? 0 : facts.evictionThresholdBytes();
        // a known threshold needs no second look; otherwise ask the kubelet whether it has none or was not readable
        MemoryEviction eviction = threshold > 0 ? null : MemoryEviction.read(cluster.client(), node);
        LOG.info("[{}] before pressure, node {} will: {}; {}", spec.name(), node,
                eviction == null ? "evict at memory.available<" + MemorySize.ofBytes(threshold).toHuman()
                        : eviction.describe(),
                facts == null ? "no cluster facts" : facts.memoryModel());
        if (spec.expect() != Expect.EVICTION || eviction == null) {
            return;
        }
        eviction.missingThreshold().ifPresent(missing -> {
            throw new ExperimentException("[" + spec.name() + "] expects an eviction (Expect.EVICTION), but no"
                    + " pressure was applied", List.of(missing), null);
        });
        if (eviction.unreadable() != null) {
            LOG.warn("[{}] expects an eviction, but whether node {} evicts for memory is unknown: {}", spec.name(),
                    node, eviction.unreadable());
        }
    }
}
