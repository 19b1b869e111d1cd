package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.probe.ApiServerProbe;
import dev.squeeze.internal.probe.ClusterNodesProbe;
import dev.squeeze.internal.probe.EventProbe;
import dev.squeeze.internal.probe.NodeMemoryProvider;
import dev.squeeze.internal.probe.NodeProbe;
import dev.squeeze.internal.probe.Observations;
import dev.squeeze.internal.probe.PodProbe;
import dev.squeeze.internal.probe.Probe;
import dev.squeeze.internal.probe.ServiceHttpProbe;
import dev.squeeze.report.ClusterNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The probes one experiment samples on every tick: API server, target node, watched pods, events, the optional HTTP
 * endpoint and, on a cluster of more than one node, every other node.
 *
 * @param probes       what the sampler calls on every tick
 * @param clusterNodes the cluster's nodes as inventoried at the start (only the target on a one-node cluster)
 */
@API(status = INTERNAL, since = "0.1")
public record ExperimentProbes(List<Probe> probes, List<ClusterNode> clusterNodes) {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentProbes.class);

    /** Four fifths of the tick: a call that times out is over before the next tick is due, so no tick is skipped. */
    static Duration probeTimeout(ExperimentSpec spec) {
        return spec.tick().multipliedBy(4).dividedBy(5);
    }

    /**
     * @param probing the retry-free client bounded by {@link #probeTimeout}
     * @param started when the experiment started (events before it are not this experiment's)
     */
    static ExperimentProbes assemble(ChaosCluster cluster, ExperimentSpec spec, KubernetesClient probing, HogRun hog,
                                     Observations observations, Instant started) {
        String ns = cluster.namespace();
        String node = cluster.nodeName();
        Duration timeout = spec.tick().multipliedBy(2);
        NodeProbe nodeProbe = new NodeProbe(probing, node, cluster.facts().evictionThresholdBytes(),
                probeTimeout(spec), observations, () -> hog.follower.progress(), NodeMemoryProvider.of(cluster));
        List<Probe> probes = new ArrayList<>(List.of(
                new ApiServerProbe(probing, ns, ApiServerProbe.DEFAULT_TIMEOUT.compareTo(timeout) < 0
                        ? ApiServerProbe.DEFAULT_TIMEOUT : timeout, observations),
                nodeProbe,
                new PodProbe(probing, ns, spec.watchedPods(), hog.selector(), observations, nodeProbe::latestSummary),
                new EventProbe(probing, ns, node, started, observations)));
        spec.http().ifPresent(h -> probes.add(new ServiceHttpProbe(probing, ns, h, timeout, observations)));
        List<ClusterNode> clusterNodes = ClusterNodesProbe.inventory(probing, node);
        if (clusterNodes.size() > 1) {
            LOG.info("[{}] observing every node: {} (target {})", spec.name(), clusterNodes.stream()
                    .map(n -> n.name() + " " + n.role()).toList(), node);
            probes.add(new ClusterNodesProbe(probing, clusterNodes, probeTimeout(spec), observations));
        }
        return new ExperimentProbes(List.copyOf(probes), clusterNodes);
    }
}
