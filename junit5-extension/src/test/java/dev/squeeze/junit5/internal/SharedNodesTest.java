package dev.squeeze.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.units.MemorySize;
import dev.squeeze.workload.WorkloadSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SharedNodes} with classes running in parallel: a node starts outside the lock, so a start holds up no other
 * class; a run closed during a start stops that node; a node is never lent to two classes at once, and every node
 * started is stopped exactly once. The {@code @Timeout}s (on a thread of their own: a thread blocked entering a
 * monitor ignores interrupts) turn a deadlock into a failure instead of a hang.
 */
class SharedNodesTest {

    private static final NodeSpec SMALL = NodeSpec.defaults();
    private static final NodeSpec BIG = NodeSpec.defaults().withMemory(MemorySize.ofGibibytes(3));

    /** A started node: counts its holders (views open on it) and how often it was stopped. */
    static class FakeNode implements ChaosCluster {
        final String name;
        final AtomicInteger holders = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger mostHolders = new AtomicInteger();

        FakeNode(String name) {
            this.name = name;
        }

        @Override
        public KubernetesClient client() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String namespace() {
            return "squeeze";
        }

        @Override
        public String nodeName() {
            return name;
        }

        @Override
        public ClusterFacts facts() {
            return new ClusterFacts("fake", "v0", name, "none", 0, 0, 0, null, 0, List.of());
        }

        @Override
        public void loadImages(List<String> images) {
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** Starts fake nodes, each start waiting for {@code gate}; {@code entered} counts starts that began. */
    static final class Engine implements ChaosEngine {
        final List<FakeNode> started = new CopyOnWriteArrayList<>();
        final CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);
        final String prefix;

        Engine(String prefix, CountDownLatch gate) {
            this.prefix = prefix;
            this.gate = gate;
        }

        @Override
        public ChaosCluster startK3s(NodeSpec node) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            FakeNode n = new FakeNode(prefix + "-" + started.size());
            started.add(n);
            return n;
        }

        @Override
        public ChaosCluster borrow(ChaosCluster node) {
            FakeNode n = (FakeNode) node;
            n.mostHolders.accumulateAndGet(n.holders.incrementAndGet(), Math::max);
            return new FakeNode(n.name + "-view") {
                @Override
                public void close() {
                    n.holders.decrementAndGet();
                }
            };
        }

        @Override
        public Optional<String> unfitForReuse(ChaosCluster node, Instant lentSince) {
            return Optional.empty();
        }

        @Override
        public Optional<RuntimeException> dockerProblem() {
            return Optional.empty();
        }

        @Override
        public ChaosCluster attach(ExistingClusterSpec cluster) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AutoCloseable deploy(ChaosCluster cluster, WorkloadSpec workload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChaosReport run(ChaosCluster cluster, ExperimentSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReportFiles write(ChaosReport report, Path directory) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_class_starting_a_node_holds_up_no_other_class() throws Exception {
        // GIVEN class Zero holds a small node, and class A is starting a big one (its start waits on a gate)
        SharedNodes shared = new SharedNodes();
        Engine quick = new Engine("small", new CountDownLatch(0));
        CountDownLatch gate = new CountDownLatch(1);
        Engine slow = new Engine("big", gate);
        HeldCluster zero = shared.borrow(SMALL, quick, "Zero");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HeldCluster> a = pool.submit(() -> shared.borrow(BIG, slow, "A"));
            slow.entered.await();
            // WHEN, while A's node starts, Zero returns its node and B takes it again
            zero.close();
            HeldCluster b = shared.borrow(SMALL, quick, "B");
            // THEN B got the idle node without waiting for A's start
            assertThat(b.cluster().nodeName()).isEqualTo("small-0-view");
            assertThat(a.isDone()).as("A's node is still starting").isFalse();
            gate.countDown();
            assertThat(a.get().cluster().nodeName()).isEqualTo("big-0-view");
            a.get().close();
            b.close();
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
        shared.close();
        assertThat(quick.started).hasSize(1).allSatisfy(n -> assertThat(n.closes).hasValue(1));
        assertThat(slow.started).hasSize(1).allSatisfy(n -> assertThat(n.closes).hasValue(1));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_run_closed_while_a_node_starts_stops_that_node_and_fails_its_borrower() throws Exception {
        // GIVEN class A starting a node
        SharedNodes shared = new SharedNodes();
        CountDownLatch gate = new CountDownLatch(1);
        Engine slow = new Engine("k3s", gate);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HeldCluster> a = pool.submit(() -> shared.borrow(SMALL, slow, "A"));
            slow.entered.await();
            // WHEN the run ends before the start does
            shared.close();
            gate.countDown();
            // THEN
            assertThatIllegalStateException().isThrownBy(() -> {
                try {
                    a.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause();
                }
            }).withMessage("the test run's shared nodes were closed while a node started");
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
        assertThat(slow.started).singleElement().satisfies(n -> assertThat(n.closes).hasValue(1));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parallel_classes_never_hold_one_node_at_once_and_every_node_is_stopped_once() throws Exception {
        // GIVEN 8 classes with equal settings, each borrowing and returning a node 25 times, all at once
        SharedNodes shared = new SharedNodes();
        Engine engine = new Engine("k3s", new CountDownLatch(0));
        int classes = 8;
        CyclicBarrier together = new CyclicBarrier(classes);
        ExecutorService pool = Executors.newFixedThreadPool(classes);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            String owner = "Class" + c;
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    together.await();
                    shared.borrow(SMALL, engine, owner).close();
                }
                return null;
            }));
        }
        // WHEN
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        shared.close();
        // THEN
        assertThat(engine.started).isNotEmpty().allSatisfy(n -> {
            assertThat(n.mostHolders).as("classes holding %s at once", n.name).hasValue(1);
            assertThat(n.holders).hasValue(0);
            assertThat(n.closes).as("stops of %s", n.name).hasValue(1);
        });
    }
}
