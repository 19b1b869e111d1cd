package dev.squeeze.junit5.bench;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.Images;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.junit5.ChaosNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Not a test: a rerunnable measurement of what Squeeze adds to a node's start. Compares, alternating, {@code runs}
 * times each: a bare {@link K3sContainer} start followed by waiting for the Node to be Ready; core's
 * {@link ChaosCluster#startK3s} (sizing, memory wall, node and kube-system Ready, namespace); and the time from nothing
 * to the first line of an annotated test body ({@code @ChaosNode}, no workload, no hog). The last two differ by what
 * the extension itself costs; the first two by what core's readiness and sizing cost.
 *
 * <pre>{@code
 * java -cp <test classpath> dev.squeeze.junit5.bench.SetupBenchmark 5
 * }</pre>
 */
public final class SetupBenchmark {

    private static volatile long bodyReachedNanos;

    private SetupBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Double> bare = new ArrayList<>();
        List<Double> core = new ArrayList<>();
        List<Double> annotated = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            bare.add(bareK3s());
            core.add(coreStart());
            annotated.add(annotatedSetup());
            System.out.printf(Locale.ROOT, "run %d: bare %.1f s, core %.1f s, annotated %.1f s%n", i + 1,
                    bare.get(i), core.get(i), annotated.get(i));
        }
        double bareMedian = median(bare);
        double coreMedian = median(core);
        double annotatedMedian = median(annotated);
        System.out.printf(Locale.ROOT, "median over %d runs: bare K3sContainer to node Ready %.1f s,"
                        + " ChaosCluster.startK3s %.1f s, @ChaosNode to test body %.1f s;"
                        + " annotated vs bare %+.1f%%, annotated vs core %+.1f%%%n", runs, bareMedian, coreMedian,
                annotatedMedian, 100 * (annotatedMedian - bareMedian) / bareMedian,
                100 * (annotatedMedian - coreMedian) / coreMedian);
    }

    private static double coreStart() {
        long start = System.nanoTime();
        try (ChaosCluster cluster = ChaosCluster.startK3s(NodeSpec.defaults())) {
            return seconds(System.nanoTime() - start);
        }
    }

    private static double bareK3s() {
        long start = System.nanoTime();
        try (K3sContainer k3s = new K3sContainer(DockerImageName.parse(Images.defaultK3sImage())
                .asCompatibleSubstituteFor("rancher/k3s"))) {
            k3s.start();
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build()) {
                client.nodes().waitUntilCondition(SetupBenchmark::anyReady, 3, TimeUnit.MINUTES);
            }
            return seconds(System.nanoTime() - start);
        }
    }

    private static boolean anyReady(Node node) {
        return node != null && node.getStatus() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private static double annotatedSetup() {
        bodyReachedNanos = 0;
        long start = System.nanoTime();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MinimalTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1));
        return seconds(bodyReachedNanos - start);
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @ChaosNode
    static class MinimalTestCase {
        @Test
        void bodyReached() {
            bodyReachedNanos = System.nanoTime();
        }
    }
}
