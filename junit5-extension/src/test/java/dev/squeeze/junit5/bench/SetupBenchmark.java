package dev.squeeze.junit5.bench;

import dev.squeeze.internal.cluster.Images;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Not a test: a rerunnable measurement of what Squeeze's setup costs against the code a user would write by hand to
 * reach the same state. Runs, interleaved, {@code runs} times each:
 * <ol>
 *   <li>(a) a bare {@link K3sContainer} (the product's image) until its Node is Ready;</li>
 *   <li>(b) hand-written: the same container, node Ready, every kube-system Deployment available, then
 *       {@code bench/web.yaml} (a Deployment and a Service) applied with fabric8 and its Deployment available;</li>
 *   <li>(c) {@code @ChaosNode} + {@code @Workload(bench/web.yaml)} through the real Jupiter engine, until the first
 *       line of the test body (sizing, memory wall read-back, namespace and readiness included).</li>
 * </ol>
 * Each case holds the file lock named by {@code -Dsqueeze.bench.lock} (if any) only while its node runs, so the
 * machine runs one node at a time. Prints a table (median, min, max, loadavg) and writes it to
 * {@code -Dsqueeze.bench.out} (default {@code target/bench/setup.txt}).
 *
 * <pre>{@code
 * bash bench/setup.sh 5
 * }</pre>
 */
public final class SetupBenchmark {

    static final String WORKLOAD = "bench/web.yaml";

    private static volatile long bodyReachedNanos;

    private SetupBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String lock = System.getProperty("squeeze.bench.lock", "");
        Path out = Path.of(System.getProperty("squeeze.bench.out", "target/bench/setup.txt"));
        List<Double> bare = new ArrayList<>();
        List<Double> hand = new ArrayList<>();
        List<Double> squeeze = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        report.append("setup benchmark, ").append(Instant.now()).append(", ").append(runs).append(" runs, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, image ")
                .append(Images.defaultK3sImage()).append('\n');
        for (int i = 0; i < runs; i++) {
            loads.add(loadavg());
            bare.add(locked(lock, SetupBenchmark::bareK3s));
            hand.add(locked(lock, SetupBenchmark::handWritten));
            squeeze.add(locked(lock, SetupBenchmark::annotated));
            String line = String.format(Locale.ROOT, "run %d: (a) %.1f s, (b) %.1f s, (c) %.1f s, loadavg before %s",
                    i + 1, bare.get(i), hand.get(i), squeeze.get(i), loads.get(i));
            System.out.println(line);
            report.append(line).append('\n');
        }
        report.append(table(runs, bare, hand, squeeze)).append("loadavg after: ").append(loadavg()).append('\n');
        System.out.print(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println("written to " + out.toAbsolutePath());
    }

    static String table(int runs, List<Double> bare, List<Double> hand, List<Double> squeeze) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n| case | median | min | max |%n|---|---|---|---|%n"));
        row(t, "(a) bare K3sContainer to node Ready", bare);
        row(t, "(b) hand-written: K3sContainer + kube-system + workload Ready", hand);
        row(t, "(c) @ChaosNode + @Workload to the test body", squeeze);
        t.append(String.format(Locale.ROOT, "%n(c)/(b) = %.2f (goal <= 1.10), (c)/(a) = %.2f, %d runs%n",
                median(squeeze) / median(hand), median(squeeze) / median(bare), runs));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, List<Double> values) {
        t.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %.1f s |%n", name, median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    }

    /** One case under the shared k3s lock, so that only one node runs on the machine at a time. */
    private static double locked(String lock, DoubleSupplier run) {
        if (lock.isEmpty()) {
            return run.getAsDouble();
        }
        try (FileChannel channel = FileChannel.open(Path.of(lock), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return run.getAsDouble();
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + lock, e);
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static K3sContainer k3s() {
        return new K3sContainer(DockerImageName.parse(Images.defaultK3sImage()).asCompatibleSubstituteFor("rancher/k3s"));
    }

    private static double bareK3s() {
        long start = System.nanoTime();
        try (K3sContainer k3s = k3s()) {
            k3s.start();
            try (KubernetesClient client = client(k3s)) {
                client.nodes().waitUntilCondition(SetupBenchmark::nodeReady, 3, TimeUnit.MINUTES);
            }
            return seconds(System.nanoTime() - start);
        }
    }

    /** What a competent user writes: start, wait for node and kube-system, apply the manifests, wait for them. */
    private static double handWritten() {
        long start = System.nanoTime();
        try (K3sContainer k3s = k3s()) {
            k3s.start();
            try (KubernetesClient client = client(k3s)) {
                client.nodes().waitUntilCondition(SetupBenchmark::nodeReady, 3, TimeUnit.MINUTES);
                // k3s creates its kube-system Deployments from manifests shortly after start
                client.apps().deployments().inNamespace("kube-system")
                        .waitUntilCondition(d -> d != null, 3, TimeUnit.MINUTES);
                for (Deployment d : client.apps().deployments().inNamespace("kube-system").list().getItems()) {
                    client.apps().deployments().inNamespace("kube-system").withName(d.getMetadata().getName())
                            .waitUntilCondition(SetupBenchmark::available, 3, TimeUnit.MINUTES);
                }
                List<HasMetadata> applied;
                try (InputStream in = Objects.requireNonNull(
                        SetupBenchmark.class.getClassLoader().getResourceAsStream(WORKLOAD), WORKLOAD)) {
                    applied = client.load(in).inNamespace("default").serverSideApply();
                }
                for (HasMetadata resource : applied) {
                    if (resource instanceof Deployment d) {
                        client.apps().deployments().inNamespace("default").withName(d.getMetadata().getName())
                                .waitUntilCondition(SetupBenchmark::available, 2, TimeUnit.MINUTES);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return seconds(System.nanoTime() - start);
        }
    }

    private static double annotated() {
        bodyReachedNanos = 0;
        long start = System.nanoTime();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(AnnotatedTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1));
        return seconds(bodyReachedNanos - start);
    }

    private static KubernetesClient client(K3sContainer k3s) {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build();
    }

    private static boolean nodeReady(Node node) {
        return node != null && node.getStatus() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private static boolean available(Deployment d) {
        return d != null && d.getStatus() != null && d.getSpec().getReplicas() != null
                && Objects.equals(d.getStatus().getAvailableReplicas(), d.getSpec().getReplicas());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @ChaosNode
    @Workload(manifests = "classpath:" + WORKLOAD, readySelectors = "app=web")
    static class AnnotatedTestCase {
        @Test
        void bodyReached() {
            bodyReachedNanos = System.nanoTime();
        }
    }
}
