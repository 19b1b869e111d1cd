package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.PressureStall;
import dev.squeeze.report.Phase;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The node on every tick: Ready and MemoryPressure conditions, the node Lease's renewTime (the kubelet's heartbeat),
 * the kubelet's {@code /stats/summary} memory through the API server's node proxy, and the node's own memory from
 * its wall ({@link NodeMemorySource}) with the memory pressure stall there ({@link PressureStall}). The wall's reads
 * ({@code docker exec} on cgroup v2, slow when the wall is full) run on a thread of their own, beside the API calls,
 * within their own budget: a read that does not answer in time makes that reading unavailable for the tick, never
 * the node sample, and no new read starts while one is still running. A tick on which the API server did not return the node is recorded as
 * unobserved with the reason (and still carries the wall's reading), never dropped. Logs the memory at DEBUG on
 * every poll and at INFO about every 10 s under pressure, since leftover page cache is a known source of flakes.
 *
 * <!-- sample(KubernetesClient client, Observations observations, HogFollower hog) -->
 * <pre>{@code
 * NodeProbe node = new NodeProbe(client, "k3s-node", 200L << 20, Duration.ofSeconds(2), observations, hog::progress);
 * node.latestSummary().map(StatsSummary::availableBytes);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
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
    private final AtomicReference<PressureStall> kubeletPsi = new AtomicReference<>();
    private final WallReads wallReads;
    private volatile Instant lastInfo = Instant.EPOCH;
    private volatile CompletableFuture<OptionalInt> cgroupVersionRead;

    /**
     * @param thresholdBytes the memory.available eviction threshold, for the log line; 0 when none
     * @param hogProgress    one phrase on the hog's size for the log line, such as {@code 1.2 GiB / 1.8 GiB}
     */
    public NodeProbe(KubernetesClient client, String node, long thresholdBytes, Duration timeout,
                     Observations observations, Supplier<String> hogProgress) {
        this(client, node, thresholdBytes, timeout, observations, hogProgress,
                NodeMemorySource.unavailable("no memory wall known for this node"));
    }

    /** @param wall where the node's own memory is read on every tick, within {@code timeout} */
    public NodeProbe(KubernetesClient client, String node, long thresholdBytes, Duration timeout,
                     Observations observations, Supplier<String> hogProgress, NodeMemorySource wall) {
        this(client, node, thresholdBytes, timeout, observations, hogProgress, wall, timeout);
    }

    /** @param wallBudget how long a tick waits for the wall's reads, counted from the tick's start */
    NodeProbe(KubernetesClient client, String node, long thresholdBytes, Duration timeout,
              Observations observations, Supplier<String> hogProgress, NodeMemorySource wall, Duration wallBudget) {
        this.wallReads = new WallReads(wall, wallBudget);
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
        long deadline = System.nanoTime() + timeout.toNanos();
        // summary (through the kubelet: slow under pressure) and lease in parallel with the node GET, so that the
        // whole sample ends within one timeout and the next tick is not skipped
        CompletableFuture<ApiGet.Response> summary = ApiGet.getAsync(client, summaryPath(), timeout);
        CompletableFuture<ApiGet.Response> lease = ApiGet.getAsync(client, leasePath(), timeout);
        long wallDeadline = wallReads.deadline();
        CompletableFuture<WallReads.Read> wallRead = wallReads.start();
        Node current;
        try {
            current = client.nodes().withName(node).get();
        } catch (KubernetesClientException e) {
            WallReads.Read w = wallReads.await(wallRead, wallDeadline);
            NodeMemorySource.Reading memory = w.memory();
            PressureStall psi = w.psi();
            summary.cancel(true);
            lease.cancel(true);
            String why = "GET node " + node + " failed: " + ApiGet.describe(e);
            LOG.debug("node {} not read on tick {}: {}", node, tick.index(), why);
            observations.add(NodeSample.unobserved(at, tick.phase(), node, why)
                    .withWall(memory.workingSetBytes(), memory.source()).withPsi(psi));
            return;
        }
        if (current == null) {
            summary.cancel(true);
            lease.cancel(true);
            LOG.warn("node {} not found; is `nodeName` right?", node);
            WallReads.Read w = wallReads.await(wallRead, wallDeadline);
            observations.add(NodeSample.unobserved(at, tick.phase(), node, "node " + node + " not found (404)")
                    .withWall(w.memory().workingSetBytes(), w.memory().source()).withPsi(w.psi()));
            return;
        }
        StatsSummary stats = summary(summary, deadline - System.nanoTime());
        Instant renewed = leaseRenewed(lease, deadline - System.nanoTime());
        WallReads.Read w = wallReads.await(wallRead, wallDeadline);
        NodeMemorySource.Reading memory = w.memory();
        PressureStall psi = kubeletPsiIfNoWall(w.psi(), stats);
        NodeSample sample = new NodeSample(at, tick.phase(), node, NodeConditions.isTrue(current, "Ready"),
                NodeConditions.isTrue(current, "MemoryPressure"),
                stats == null ? null : stats.availableBytes(), stats == null ? null : stats.workingSetBytes(),
                renewed, null, memory.workingSetBytes(), memory.source(), psi)
                .withKubeletTimes(NodeConditions.pressureSince(current), stats == null ? null : stats.memoryTime())
                .withNotReady(NodeConditions.notReady(current));
        observations.add(sample);
        log(sample, tick.phase());
    }

    @Override
    public void unobserved(Tick tick, String reason) {
        observations.add(NodeSample.unobserved(tick.due(), tick.phase(), node, reason));
    }

    /**
     * A node without host files (an existing cluster's) takes the kubelet's own PSI when its summary has it (KubeletPSI),
     * else stays unavailable with both reasons.
     */
    private PressureStall kubeletPsiIfNoWall(PressureStall wallPsi, StatsSummary stats) {
        if (wallPsi.available() || !NodeMemorySource.NO_HOST_FILES.equals(wallPsi.unavailableReason())) {
            return wallPsi;
        }
        PressureStall fromKubelet = stats == null ? null : kubeletPsi.get();
        if (fromKubelet == null) {
            return wallPsi;
        }
        return fromKubelet.available() ? fromKubelet
                : PressureStall.unavailable(wallPsi.unavailableReason() + "; " + fromKubelet.unavailableReason());
    }

    /**
     * The kubelet's cgroup version, asked of its {@code /metrics} once (waiting up to one timeout, that once), and only
     * when a summary's PSI totals are both 0, the only case it decides; empty when the kubelet does not say.
     */
    private OptionalInt cgroupVersion(String summaryBody) throws InterruptedException {
        try {
            if (cgroupVersionRead == null && KubeletPsi.zeroTotals(summaryBody)) {
                cgroupVersionRead = ApiGet.getAsync(client, "/api/v1/nodes/" + node + "/proxy/metrics", timeout)
                        .thenApply(m -> m.ok() ? KubeletPsi.cgroupVersion(m.body()) : OptionalInt.empty())
                        .exceptionally(e -> OptionalInt.empty());
                return cgroupVersionRead.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return cgroupVersionRead == null ? OptionalInt.empty() : cgroupVersionRead.getNow(OptionalInt.empty());
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static PressureStall readKubeletPsi(String body, OptionalInt cgroupVersion) {
        try {
            return KubeletPsi.parse(body, cgroupVersion);
        } catch (RuntimeException e) {
            return PressureStall.unavailable("the kubelet's /stats/summary PSI could not be read: " + ApiGet.describe(e));
        }
    }

    private String summaryPath() {
        return "/api/v1/nodes/" + node + "/proxy/stats/summary";
    }

    private StatsSummary summary(CompletableFuture<ApiGet.Response> pending, long leftNanos)
            throws InterruptedException {
        try {
            ApiGet.Response r = pending.get(Math.max(1, leftNanos), TimeUnit.NANOSECONDS);
            if (!r.ok()) {
                LOG.debug("kubelet stats/summary of {}: HTTP {} {}", node, r.code(), ApiGet.firstLine(r.body(), 120));
                return null;
            }
            StatsSummary s = StatsSummary.parse(r.body());
            latest.set(s);
            kubeletPsi.set(readKubeletPsi(r.body(), cgroupVersion(r.body())));
            return s;
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            pending.cancel(true);
            LOG.debug("kubelet stats/summary of {} failed: {}", node, ApiGet.describe(e));
            return null;
        }
    }

    private String leasePath() {
        return "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + node;
    }

    private Instant leaseRenewed(CompletableFuture<ApiGet.Response> pending, long leftNanos)
            throws InterruptedException {
        try {
            ApiGet.Response r = pending.get(Math.max(1, leftNanos), TimeUnit.NANOSECONDS);
            if (!r.ok()) {
                return null;
            }
            Lease lease = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(r.body(), Lease.class);
            var renew = lease == null || lease.getSpec() == null ? null : lease.getSpec().getRenewTime();
            return renew == null ? null : renew.toInstant();
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            pending.cancel(true);
            LOG.debug("node lease of {} unreadable: {}", node, ApiGet.describe(e));
            return null;
        }
    }

    private void log(NodeSample s, Phase phase) {
        String line = "node " + node + (s.ready() ? " Ready" : " NOT Ready")
                + (s.memoryPressure() ? ", MemoryPressure" : "")
                + ", available " + bytes(s.availableBytes())
                + (thresholdBytes > 0 ? " (threshold " + MemorySize.ofBytes(thresholdBytes).toHuman() + ")" : "")
                + ", working set " + bytes(s.workingSetBytes())
                + (s.wallWorkingSetBytes() == null ? "" : ", wall working set " + bytes(s.wallWorkingSetBytes()));
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
