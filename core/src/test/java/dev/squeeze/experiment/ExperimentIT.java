package dev.squeeze.experiment;

import dev.squeeze.assertions.SqueezeAssertions;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.internal.cluster.K3sCluster;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.internal.pressure.HogPod;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.internal.pressure.HogTarget;
import dev.squeeze.pressure.QosClass;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.internal.probe.PodStatuses;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The experiment engine on a real k3s node of 2 GiB: (a) the kubelet evicts a BestEffort hog while a Guaranteed pod
 * stays Ready; (b) without eviction thresholds or reservations, a hog bigger than the node does damage the report shows.
 */
@Execution(ExecutionMode.CONCURRENT) // each method starts its own node: they run in parallel (see the POM)
class ExperimentIT {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentIT.class);
    private static final String K3S_IMAGE = System.getProperty("squeeze.k3s.image", Images.defaultK3sImage());

    @BeforeAll
    static void dockerIsThere() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is not available: no k3s to start");
    }

    @Test
    void bestEffortHogIsEvictedWhileAGuaranteedPodStaysReady() {
        // a 500Mi threshold leaves the kubelet 500Mi between the eviction signal and the kubepods limit: at 30Mi/s
        // that is ~17 s, more than its 10 s eviction loop needs (the kubelet checks every 10 s); faster, the kernel OOM-kills first.
        // A 10 s pressure transition period: MemoryPressure clears 10 s after the hog is gone, not 30 s
        NodeSpec node = NodeSpec.ofMemory(MemorySize.parse("2Gi"))
                .withEvictionHard(MemorySize.parse("500Mi")).withPressureTransitionPeriod(Duration.ofSeconds(10))
                .withImage(K3S_IMAGE).withImagesToLoad(List.of(Images.defaultJreImage()));
        try (K3sCluster cluster = K3sCluster.start(node)) {
            deployInnocent(cluster.client(), cluster.namespace(), cluster.nodeName());
            ExperimentSpec spec = ExperimentSpec.of("ExperimentIT.evicted",
                            HogSpec.of(HogSize.percentOf(120, SizeBasis.NODE_ALLOCATABLE))
                                    .withRate(MemoryRate.parse("30Mi/s")).withHold(Duration.ofSeconds(20)))
                    .withWatchedPods(List.of("app=innocent")).withSteadyState(Duration.ofSeconds(5))
                    .withRampTimeout(Duration.ofMinutes(2)).withRecovery(Duration.ofMinutes(2), Duration.ofSeconds(10));

            ChaosReport report = Experiment.run(cluster, spec);
            summarize(report, spec);

            assertThat(report.hogOutcome().fate()).as("hog outcome %s, notes %s", report.hogOutcome(), report.notes())
                    .isEqualTo(HogFate.EVICTED);
            assertThat(report.phases().get(1).outcome()).as("PRESSURE outcome").contains("EVICTED");
            assertThat(report.events()).as("events").anySatisfy(e -> {
                assertThat(e.reason()).isEqualTo("Evicted");
                assertThat(e.objectName()).startsWith("squeeze-hog-");
                assertThat(e.annotations()).containsEntry("starved_resource", "memory");
            });
            List<PodSample> innocent = report.pods().stream().filter(p -> p.role() == PodRole.WORKLOAD).toList();
            assertThat(innocent).as("innocent pod samples").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.ready()).as("%s at %s in %s", p.name(), p.at(), p.phase()).isTrue());
            assertThat(availability(report.api())).as("API availability (fresh TLS /readyz)").isGreaterThanOrEqualTo(99.0);
            assertThat(report.node()).as("MemoryPressure seen").anySatisfy(n -> assertThat(n.memoryPressure()).isTrue());
            // the node's memory comes from its wall, not the host's root cgroup: never above the node's size
            assertThat(report.node()).filteredOn(NodeSample::observed).as("node memory from the wall").isNotEmpty()
                    .allSatisfy(n -> {
                assertThat(n.wallSource()).startsWith("cgroup v1 memory:/squeeze-");
                assertThat(n.wallWorkingSetBytes()).isBetween(1L, report.cluster().declaredBytes());
            });
            // the tick grid: one API and one node record per scheduled tick, whatever happened to the sample
            assertThat(report.api().size()).as("API records vs node records (same grid)")
                    .isCloseTo(report.node().size(), org.assertj.core.data.Offset.offset(2));
            assertThat(report.phases()).extracting(PhaseSpan::phase)
                    .containsExactly(Phase.STEADY_STATE, Phase.PRESSURE, Phase.HOLD, Phase.RECOVERY);
            assertThat(report.phases().get(3).completed()).as(report.phases().get(3).outcome()).isTrue();
            // and the same through the public assertions users write
            SqueezeAssertions.assertThat(report).withReportPath(Experiment.reportFiles(spec).html())
                    .hog().wasEvictedForMemory();
            SqueezeAssertions.assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
            SqueezeAssertions.assertThat(report).pods("app=innocent").stayedReady().wereNotEvicted();
            SqueezeAssertions.assertThat(report).node().hadMemoryPressure().recoveredFromMemoryPressure()
                    .admittedPodAfterRecovery();
        }
    }

    @Test
    void hogBiggerThanANodeWithoutThresholdsDoesDamageTheReportShows() {
        NodeSpec node = NodeSpec.ofMemory(MemorySize.parse("2Gi")).withEvictionHard(MemorySize.ZERO)
                .withKubeReserved(MemorySize.ZERO).withImage(K3S_IMAGE)
                .withImagesToLoad(List.of(Images.defaultJreImage()));
        try (K3sCluster cluster = K3sCluster.start(node)) {
            ExperimentSpec spec = ExperimentSpec.of("ExperimentIT.damage",
                            HogSpec.of(HogSize.of(MemorySize.parse("2560Mi"))).withRate(MemoryRate.parse("200Mi/s"))
                                    .withHold(Duration.ofSeconds(20)))
                    // the 2Gi wall is full after ~10 s at 200Mi/s: 30 s of ramp is ample to see the damage
                    .withSteadyState(Duration.ofSeconds(5)).withRampTimeout(Duration.ofSeconds(30))
                    .withRecovery(Duration.ofMinutes(2), Duration.ofSeconds(10));

            ChaosReport report = Experiment.run(cluster, spec);
            summarize(report, spec);

            boolean hogKilled = report.hogOutcome().fate() == HogFate.OOM_KILLED
                    || report.hogOutcome().fate() == HogFate.FAILED;
            long systemRestarts = report.pods().stream().filter(p -> p.role() == PodRole.SYSTEM)
                    .mapToInt(PodSample::restarts).max().orElse(0);
            boolean apiGaps = report.api().stream().anyMatch(a -> !a.fresh().ok() || !a.pooled().ok());
            assertThat(hogKilled || systemRestarts > 0 || apiGaps)
                    .as("damage: hog %s, kube-system restarts %s, API failures %s", report.hogOutcome(), systemRestarts,
                            apiGaps).isTrue();
            assertThat(report.hogOutcome().reachedTarget()).as("a 2.5Gi hog cannot fill a 2Gi node").isFalse();
            assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("the hog never reached its target"));
            // the assertion a team would write for a healthy node fails, and says how far the hog got
            assertThatThrownBy(() -> SqueezeAssertions.assertThat(report).hog().reachedTarget())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the memory hog to reach its target");
        }
    }

    /** A Guaranteed pod holding 32Mi with the eater, so it needs no image beyond the JRE. */
    private static void deployInnocent(KubernetesClient client, String ns, String nodeName) {
        HogSpec innocent = HogSpec.of(HogSize.of(MemorySize.parse("32Mi"))).withRate(MemoryRate.MAX)
                .withQos(QosClass.GUARANTEED, MemorySize.parse("160Mi"));
        client.configMaps().inNamespace(ns).resource(HogPod.configMap("innocent-eater", "innocent", HogPod.eaterJar()))
                .create();
        Pod pod = HogPod.pod("innocent", "innocent-eater", "innocent", innocent,
                new HogTarget(32L << 20, "absolute 32Mi"), nodeName);
        pod = new PodBuilder(pod).editMetadata().withLabels(Map.of("app", "innocent")).endMetadata().build();
        client.pods().inNamespace(ns).resource(pod).create();
        client.pods().inNamespace(ns).withName("innocent").waitUntilCondition(PodStatuses::ready, 2, TimeUnit.MINUTES);
    }

    private static double availability(List<ApiSample> api) {
        long ok = api.stream().filter(a -> a.fresh().ok()).count();
        return api.isEmpty() ? 0 : 100.0 * ok / api.size();
    }

    private static void summarize(ChaosReport report, ExperimentSpec spec) {
        LOG.info("report {}: hog {} ; notes {}", Experiment.reportFiles(spec).html(), report.hogOutcome(), report.notes());
        report.phases().forEach(p -> LOG.info("phase {} {} ({}): {}", p.phase(), p.duration(),
                p.completed() ? "completed" : "NOT completed", p.outcome()));
        long freshFailed = report.api().stream().filter(a -> !a.fresh().ok()).count();
        long pooledFailed = report.api().stream().filter(a -> !a.pooled().ok()).count();
        LOG.info("API: {} samples, fresh failed {}, pooled failed {}, availability {}%", report.api().size(),
                freshFailed, pooledFailed, String.format("%.2f", availability(report.api())));
        report.events().forEach(e -> LOG.info("event {} {} {}/{}: {} {}", e.at(), e.reason(), e.objectKind(),
                e.objectName(), e.message(), e.annotations()));
    }
}
