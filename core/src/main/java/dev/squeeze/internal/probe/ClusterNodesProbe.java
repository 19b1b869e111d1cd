package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ClusterNode;
import dev.squeeze.report.NodeSample;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every node of the cluster but the target, on every tick: Ready and MemoryPressure, the kubelet's
 * {@code /stats/summary} memory (through {@code nodes/proxy}, where it answers in time) and the node Lease's renewTime.
 * One LIST of nodes and one LIST of leases per tick, plus one summary per node, all within one timeout. The target is
 * {@link NodeProbe}'s; this probe keeps "which node moved under pressure" answerable on a multi-node cluster (did the
 * other workers stay Ready, did the rescheduled pods' node get tight). A tick on which the node list failed, or a node
 * missing from it, is recorded as unobserved for that node with the reason, so each node keeps its tick grid.
 * Needs what the README's ClusterRole grants: {@code nodes} list, {@code nodes/proxy} get, {@code leases} list.
 *
 * <!-- sample(KubernetesClient client, Observations observations) -->
 * <pre>{@code
 * List<ClusterNode> nodes = ClusterNodesProbe.inventory(client, "worker-1");
 * Probe others = new ClusterNodesProbe(client, nodes, Duration.ofMillis(800), observations);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ClusterNodesProbe implements Probe {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNodesProbe.class);
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String LEASES = "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases";

    private final KubernetesClient client;
    private final List<String> others;
    private final Duration timeout;
    private final Observations observations;

    /** @param nodes the cluster's nodes ({@link #inventory}); the one marked target is left to {@link NodeProbe} */
    public ClusterNodesProbe(KubernetesClient client, List<ClusterNode> nodes, Duration timeout,
                             Observations observations) {
        this.client = client;
        this.others = nodes.stream().filter(n -> !n.target()).map(ClusterNode::name).toList();
        this.timeout = timeout;
        this.observations = observations;
    }

    /**
     * Every node of the cluster, by name, {@code target} marked; an empty list (and a log line) when the nodes cannot
     * be listed, so an experiment on one node is not stopped by it.
     */
    public static List<ClusterNode> inventory(KubernetesClient client, String target) {
        List<Node> nodes;
        try {
            nodes = client.nodes().list().getItems();
        } catch (KubernetesClientException e) {
            LOG.warn("cannot list the cluster's nodes ({}); the report observes node {} only", ApiGet.describe(e),
                    target);
            return List.of();
        }
        return nodes.stream().map(n -> describe(n, target))
                .sorted((a, b) -> a.target() != b.target() ? (a.target() ? -1 : 1) : a.name().compareTo(b.name()))
                .toList();
    }

    static ClusterNode describe(Node node, String target) {
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        List<String> roles = new TreeMap<>(labels).keySet().stream().filter(k -> k.startsWith(ROLE_PREFIX))
                .map(k -> k.substring(ROLE_PREFIX.length())).filter(r -> !r.isEmpty()).toList();
        Map<String, Quantity> capacity = node.getStatus() == null || node.getStatus().getCapacity() == null
                ? Map.of() : node.getStatus().getCapacity();
        Map<String, Quantity> allocatable = node.getStatus() == null || node.getStatus().getAllocatable() == null
                ? Map.of() : node.getStatus().getAllocatable();
        String name = node.getMetadata().getName();
        return new ClusterNode(name, roles.isEmpty() ? List.of("worker") : roles, name.equals(target),
                bytes(capacity.get("memory")), bytes(allocatable.get("memory")));
    }

    private static Long bytes(Quantity q) {
        return q == null ? null : Quantity.getAmountInBytes(q).longValue();
    }

    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public void sample(Tick tick) throws InterruptedException {
        Instant at = Instant.now();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, CompletableFuture<ApiGet.Response>> summaries = new LinkedHashMap<>();
        others.forEach(n -> summaries.put(n, ApiGet.getAsync(client, "/api/v1/nodes/" + n + "/proxy/stats/summary",
                timeout)));
        CompletableFuture<ApiGet.Response> leases = ApiGet.getAsync(client, LEASES, timeout);
        Map<String, Node> byName = new HashMap<>();
        try {
            client.nodes().list().getItems().forEach(n -> byName.put(n.getMetadata().getName(), n));
        } catch (KubernetesClientException e) {
            summaries.values().forEach(f -> f.cancel(true));
            leases.cancel(true);
            String why = "LIST nodes failed: " + ApiGet.describe(e);
            LOG.debug("other nodes not read on tick {}: {}", tick.index(), why);
            others.forEach(n -> observations.addOther(NodeSample.unobserved(at, tick.phase(), n, why)));
            return;
        }
        Map<String, Instant> renewed = leases(leases, deadline);
        List<NodeSample> samples = new ArrayList<>();
        for (String name : others) {
            Node node = byName.get(name);
            if (node == null) {
                summaries.get(name).cancel(true);
                samples.add(NodeSample.unobserved(at, tick.phase(), name, "node " + name + " not in the node list"));
                continue;
            }
            StatsSummary stats = summary(name, summaries.get(name), deadline);
            samples.add(new NodeSample(at, tick.phase(), name, NodeConditions.isTrue(node, "Ready"),
                    NodeConditions.isTrue(node, "MemoryPressure"), stats == null ? null : stats.availableBytes(),
                    stats == null ? null : stats.workingSetBytes(), renewed.get(name))
                    .withKubeletTimes(NodeConditions.pressureSince(node), stats == null ? null : stats.memoryTime())
                    .withNotReady(NodeConditions.notReady(node)));
        }
        samples.forEach(observations::addOther);
    }

    @Override
    public void unobserved(Tick tick, String reason) {
        others.forEach(n -> observations.addOther(NodeSample.unobserved(tick.due(), tick.phase(), n, reason)));
    }

    private StatsSummary summary(String node, CompletableFuture<ApiGet.Response> pending, long deadline)
            throws InterruptedException {
        try {
            ApiGet.Response r = pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!r.ok()) {
                LOG.debug("kubelet stats/summary of {}: HTTP {} {}", node, r.code(), ApiGet.firstLine(r.body(), 120));
                return null;
            }
            return StatsSummary.parse(r.body());
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            pending.cancel(true);
            LOG.debug("kubelet stats/summary of {} failed: {}", node, ApiGet.describe(e));
            return null;
        }
    }

    private static Map<String, Instant> leases(CompletableFuture<ApiGet.Response> pending, long deadline)
            throws InterruptedException {
        Map<String, Instant> out = new HashMap<>();
        try {
            ApiGet.Response r = pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!r.ok()) {
                LOG.debug("LIST node leases: HTTP {} {}", r.code(), ApiGet.firstLine(r.body(), 120));
                return out;
            }
            LeaseList list = Serialization.unmarshal(r.body(), LeaseList.class);
            for (Lease lease : list == null || list.getItems() == null ? List.<Lease>of() : list.getItems()) {
                if (lease.getSpec() != null && lease.getSpec().getRenewTime() != null) {
                    out.put(lease.getMetadata().getName(), lease.getSpec().getRenewTime().toInstant());
                }
            }
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            pending.cancel(true);
            LOG.debug("LIST node leases failed: {}", ApiGet.describe(e));
        }
        return out;
    }
}
