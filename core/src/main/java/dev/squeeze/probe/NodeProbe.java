package dev.squeeze.probe;

import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The node on every tick: Ready and MemoryPressure conditions, the node Lease's renewTime (the kubelet's heartbeat),
 * and the kubelet's {@code /stats/summary} memory through the API server's node proxy. Logs the memory at DEBUG on
 * every poll and at INFO about every 10 s under pressure, since leftover page cache is a known source of flakes.
 *
 * <pre>{@code
 * NodeProbe node = new NodeProbe(client, "k3s-node", 200L << 20, Duration.ofSeconds(2), observations, hog::progress);
 * node.latestSummary().map(StatsSummary::availableBytes);
 * }</pre>
 */
public final class NodeProbe implements Probe {

    private static final Logger LOG = LoggerFactory.getLogger(NodeProbe.class);
    private static final Duration INFO_EVERY = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final String node;
    private final long thresholdBytes;
    private final Duration timeout;
    private final Observations observations;
    private final Supplier<String> hogProgress;
    private final AtomicReference<StatsSummary> latest = new AtomicReference<>();
    private volatile Instant lastInfo = Instant.EPOCH;

    /**
     * @param thresholdBytes the memory.available eviction threshold, for the log line; 0 when none
     * @param hogProgress    one phrase on the hog's size for the log line, such as {@code 1.2 GiB / 1.8 GiB}
     */
    public NodeProbe(KubernetesClient client, String node, long thresholdBytes, Duration timeout,
                     Observations observations, Supplier<String> hogProgress) {
        this.client = client;
        this.node = node;
        this.thresholdBytes = thresholdBytes;
        this.timeout = timeout;
        this.observations = observations;
        this.hogProgress = hogProgress;
    }

    @Override
    public String name() {
        return "node";
    }

    /** The last summary the kubelet answered with; pods' working sets come from here. */
    public Optional<StatsSummary> latestSummary() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public void sample(Tick tick) throws InterruptedException {
        Instant at = Instant.now();
        StatsSummary summary = summary();
        Node current;
        try {
            current = client.nodes().withName(node).get();
        } catch (KubernetesClientException e) {
            LOG.debug("node {} not read on tick {}: {}", node, tick.index(), e.getMessage());
            return;
        }
        if (current == null) {
            LOG.warn("node {} not found; is `nodeName` right?", node);
            return;
        }
        Instant renewed = leaseRenewed();
        NodeSample sample = new NodeSample(at, tick.phase(), node, conditionTrue(current, "Ready"),
                conditionTrue(current, "MemoryPressure"),
                summary == null ? null : summary.availableBytes(), summary == null ? null : summary.workingSetBytes(),
                renewed);
        observations.add(sample);
        log(sample, tick.phase());
    }

    private StatsSummary summary() throws InterruptedException {
        try {
            ApiGet.Response r = ApiGet.get(client, "/api/v1/nodes/" + node + "/proxy/stats/summary", timeout);
            if (!r.ok()) {
                LOG.debug("kubelet stats/summary of {}: HTTP {} {}", node, r.code(), ApiGet.firstLine(r.body(), 120));
                return null;
            }
            StatsSummary s = StatsSummary.parse(r.body());
            latest.set(s);
            return s;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException
                 | RuntimeException e) {
            LOG.debug("kubelet stats/summary of {} failed: {}", node, ApiGet.describe(e));
            return null;
        }
    }

    private Instant leaseRenewed() {
        try {
            Lease lease = client.leases().inNamespace("kube-node-lease").withName(node).get();
            var renew = lease == null || lease.getSpec() == null ? null : lease.getSpec().getRenewTime();
            return renew == null ? null : renew.toInstant();
        } catch (RuntimeException e) {
            LOG.debug("node lease of {} unreadable: {}", node, e.toString());
            return null;
        }
    }

    static boolean conditionTrue(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        return node.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .map(NodeCondition::getStatus)
                .anyMatch("True"::equals);
    }

    private void log(NodeSample s, Phase phase) {
        String line = "node " + node + (s.ready() ? " Ready" : " NOT Ready")
                + (s.memoryPressure() ? ", MemoryPressure" : "")
                + ", available " + bytes(s.availableBytes())
                + (thresholdBytes > 0 ? " (threshold " + MemorySize.ofBytes(thresholdBytes).toHuman() + ")" : "")
                + ", working set " + bytes(s.workingSetBytes());
        boolean underPressure = phase == Phase.PRESSURE || phase == Phase.HOLD;
        if (underPressure && Duration.between(lastInfo, s.at()).compareTo(INFO_EVERY) >= 0) {
            lastInfo = s.at();
            LOG.info("pressure: {}, hog {}", line, hogProgress.get());
        } else {
            LOG.debug("{}", line);
        }
    }

    private static String bytes(Long b) {
        return b == null ? "unknown" : MemorySize.ofBytes(b).toHuman();
    }
}
