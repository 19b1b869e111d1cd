package dev.squeeze.junit5;

import dev.squeeze.junit5.testkit.Journal;
import dev.squeeze.junit5.testkit.SqueezeTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** One node per class or per method, workloads before experiments, everything closed in reverse order. */
class SqueezeLifecycleTest {

    private static final String APP = "classpath:squeeze-test/app.yaml";
    private static final String K3S = "start k3s 2Gi " + dev.squeeze.internal.cluster.Images.defaultK3sImage();

    @BeforeEach
    void clearJournal() {
        Journal.reset();
    }

    @Test
    void perClassNodeIsSharedByMethodsAndStoppedAfterItsWorkload() {
        EngineExecutionResults results = SqueezeTestKit.execute(SharedNodeTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(Journal.entries()).containsExactly(K3S, "deploy " + APP,
                "run SharedNodeTestCase-first on k3s-" + nodeNumber(), "run SharedNodeTestCase-second on k3s-" + nodeNumber(),
                "delete " + APP, "close k3s-" + nodeNumber());
    }

    @Test
    void perMethodNodeIsStartedAndStoppedAroundEachMethod() {
        EngineExecutionResults results = SqueezeTestKit.execute(NodePerMethodTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(Journal.entries()).filteredOn(e -> !e.startsWith("run"))
                .containsExactly(K3S, "deploy " + APP, "delete " + APP, "close " + node(0),
                        K3S, "deploy " + APP, "delete " + APP, "close " + node(1));
    }

    @Test
    void failingTestStillStopsEverythingAndPointsAtItsReport() {
        EngineExecutionResults results = SqueezeTestKit.execute(FailingTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).stream())
                .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
                .filter(kv -> kv.getKey().equals("squeeze.report.failed"))
                .map(java.util.Map.Entry::getValue))
                .singleElement().asString()
                .startsWith("file:/").endsWith("/target/squeeze-test-reports/FailingTestCase-fails.html");
        // the report files themselves, published through JUnit (Open Test Reporting, IDEs)
        assertThat(results.allEvents().fileEntryPublished().stream()
                .flatMap(e -> e.getPayload(org.junit.platform.engine.reporting.FileEntry.class).stream())
                .map(f -> f.getPath().getFileName().toString() + " " + f.getMediaType().orElse("")))
                .containsExactly("FailingTestCase-fails.json application/json",
                        "FailingTestCase-fails.html text/html; charset=UTF-8");
        assertThat(Journal.entries()).last().asString().startsWith("close k3s-");
    }

    @Test
    void nodeThatFailsToStartFailsTheClassAndNothingIsLeftToClose() {
        Journal.fail("start");

        EngineExecutionResults results = SqueezeTestKit.execute(SharedNodeTestCase.class);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(SharedNodeTestCase.class), finishedWithFailure(message("fake start failed"))));
        assertThat(Journal.entries()).containsExactly(K3S);
    }

    @Test
    void workloadThatFailsToDeployDeletesTheEarlierOnesThenStopsTheNode() {
        Journal.fail("deploy classpath:squeeze-test/other.yaml");

        EngineExecutionResults results = SqueezeTestKit.execute(TwoWorkloadsTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(Journal.entries()).containsExactly(K3S, "deploy " + APP,
                "deploy classpath:squeeze-test/other.yaml", "delete " + APP, "close " + node(0));
    }

    @Test
    void nestedClassesShareTheOuterNode() {
        EngineExecutionResults results = SqueezeTestKit.execute(OuterTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start") || e.startsWith("close")).hasSize(2);
    }

    @Test
    void repeatedInvocationsWriteSeparateReports() {
        SqueezeTestKit.execute(RepeatedTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(Journal.experiments()).extracting(e -> e.name())
                .containsExactly("RepeatedTestCase-again-1", "RepeatedTestCase-again-2");
    }

    private static String nodeNumber() {
        return node(0).substring("k3s-".length());
    }

    /** The name of the i-th node this test started (the fake numbers nodes across the whole JVM). */
    private static String node(int i) {
        return Journal.entries().stream().filter(e -> e.startsWith("run ") || e.startsWith("close "))
                .map(e -> e.substring(e.lastIndexOf(' ') + 1)).distinct().toList().get(i);
    }

    @ChaosNode
    @Workload(manifests = APP, readySelectors = "app=web")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class SharedNodeTestCase {
        @Test
        @MemoryHog(size = "120%")
        void first() {
        }

        @Test
        @MemoryHog(size = "1500Mi")
        void second() {
        }
    }

    @ChaosNode(lifecycle = Lifecycle.PER_METHOD)
    @Workload(manifests = APP)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class NodePerMethodTestCase {
        @Test
        @MemoryHog(size = "120%")
        void first() {
        }

        @Test
        @MemoryHog(size = "120%")
        void second() {
        }
    }

    @ChaosNode
    static class FailingTestCase {
        @Test
        @MemoryHog(size = "120%")
        void fails() {
            throw new AssertionError("the workload did not survive");
        }
    }

    @ChaosNode
    @Workload(manifests = APP)
    @Workload(manifests = "classpath:squeeze-test/other.yaml")
    static class TwoWorkloadsTestCase {
        @Test
        void neverRuns() {
        }
    }

    @ChaosNode
    static class OuterTestCase {
        @Test
        void outer() {
        }

        @Nested
        class InnerTestCase {
            @Test
            @MemoryHog(size = "50%")
            void inner() {
            }
        }
    }

    @ChaosNode
    static class RepeatedTestCase {
        @RepeatedTest(2)
        @MemoryHog(size = "50%")
        void again() {
        }
    }
}
