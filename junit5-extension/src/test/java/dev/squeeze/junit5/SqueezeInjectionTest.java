package dev.squeeze.junit5;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.testkit.Journal;
import dev.squeeze.junit5.testkit.SqueezeTestKit;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** What a Squeeze test method can take as parameters, and what it is told when it asks for the wrong thing. */
class SqueezeInjectionTest {

    @BeforeEach
    void clearJournal() {
        Journal.reset();
    }

    @Test
    void injectsClientClusterAndTheMethodsReport() {
        EngineExecutionResults results = SqueezeTestKit.execute(InjectionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getPayload(ReportEntry.class).stream())
                .map(entry -> entry.getKeyValuePairs().get("squeeze.report.html")))
                .singleElement().satisfies(html -> assertThat(Path.of(html)).exists().isAbsolute());
    }

    @Test
    void reportOnAMethodWithoutMemoryHogNamesTheFix() {
        EngineExecutionResults results = SqueezeTestKit.execute(ReportWithoutHogTestCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("noHog"), finishedWithFailure(
                message("ChaosReport can only be injected into a @MemoryHog test method, but"
                        + " ReportWithoutHogTestCase.noHog() has no @MemoryHog. Fix: annotate the test method with"
                        + " @MemoryHog(size = \"120%\"), or inject ChaosRunner and call run(...) for a report"))));
    }

    @Test
    void runnerRunsSeveralExperimentsWithDistinctReports() {
        EngineExecutionResults results = SqueezeTestKit.execute(RunnerTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Journal.experiments()).extracting(e -> e.name())
                .containsExactly("RunnerTestCase-twoHogs-1", "RunnerTestCase-twoHogs-2");
        assertThat(Journal.experiments().get(0).watchedPods()).containsExactly("app=web");
        assertThat(Journal.experiments().get(1).steadyState()).isEqualTo(Duration.ofSeconds(9));
        assertThat(Path.of(SqueezeTestKit.REPORT_DIR, "RunnerTestCase-twoHogs-2.html")).exists();
    }

    @Test
    void runnerRefusesAnImpossibleHogBeforeRunningIt() {
        EngineExecutionResults results = SqueezeTestKit.execute(BadRunnerTestCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("guaranteedWithoutLimit"),
                finishedWithFailure(instanceOf(IllegalArgumentException.class),
                        message(m -> m.startsWith("ExperimentSpec limit passed to ChaosRunner.run must be set for qos"
                                + " GUARANTEED")))));
        assertThat(Journal.experiments()).isEmpty();
    }

    @Test
    void perMethodNodeCannotBeInjectedIntoBeforeAll() {
        EngineExecutionResults results = SqueezeTestKit.execute(PerMethodBeforeAllTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.contains(
                "Squeeze starts a node per test method under @ChaosNode(lifecycle = Lifecycle.PER_METHOD)"))));
        assertThat(Journal.entries()).isEmpty();
    }

    @ChaosNode
    @dev.squeeze.junit5.Workload(manifests = "classpath:squeeze-test/app.yaml", readySelectors = "app=web")
    static class InjectionTestCase {
        @Test
        @MemoryHog(size = "120%")
        void everything(KubernetesClient client, ChaosCluster cluster, ChaosReport report) throws Exception {
            assertThat(client).isSameAs(cluster.client());
            assertThat(report.name()).isEqualTo("InjectionTestCase-everything");
            assertThat(report.cluster().node()).isEqualTo(cluster.nodeName());
            assertThat(Files.exists(Path.of(SqueezeTestKit.REPORT_DIR, "InjectionTestCase-everything.json"))).isTrue();
        }
    }

    @ChaosNode
    static class ReportWithoutHogTestCase {
        @Test
        void noHog(ChaosReport report) {
        }
    }

    @ChaosNode
    @dev.squeeze.junit5.Workload(manifests = "classpath:squeeze-test/app.yaml", readySelectors = "app=web")
    static class RunnerTestCase {
        @Test
        void twoHogs(ChaosRunner chaos) {
            ChaosReport first = chaos.run(HogSpec.of(HogSize.percentOf(50, SizeBasis.NODE_ALLOCATABLE)));
            ChaosReport second = chaos.run(chaos.experiment(HogSpec.of(HogSize.of(MemorySize.parse("1Gi"))))
                    .withSteadyState(Duration.ofSeconds(9)));
            assertThat(first.name()).isNotEqualTo(second.name());
        }
    }

    @ChaosNode
    static class BadRunnerTestCase {
        @Test
        void guaranteedWithoutLimit(ChaosRunner chaos) {
            chaos.run(HogSpec.of(HogSize.percentOf(50, SizeBasis.NODE_ALLOCATABLE))
                    .withQos(dev.squeeze.pressure.QosClass.GUARANTEED, MemorySize.ZERO));
        }
    }

    @ChaosNode(lifecycle = Lifecycle.PER_METHOD)
    static class PerMethodBeforeAllTestCase {
        @BeforeAll
        static void tooEarly(KubernetesClient client) {
        }

        @Test
        void neverRuns() {
        }
    }
}
