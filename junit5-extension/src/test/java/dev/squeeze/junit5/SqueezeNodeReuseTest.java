package dev.squeeze.junit5;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.testkit.Journal;
import dev.squeeze.junit5.testkit.SqueezeTestKit;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@link NodeReuse}: classes with equal node settings share one node for the run, each in a namespace (view) of its
 * own, keyed by the settings; an unfit node is replaced; the run's end stops the shared node; the default is a node
 * per class.
 */
class SqueezeNodeReuseTest {

    private static final String APP = "classpath:squeeze-test/app.yaml";
    private static final String K3S_2GI = "start k3s 2Gi " + dev.squeeze.internal.cluster.Images.defaultK3sImage();
    private static final String K3S_3GI = "start k3s 3Gi " + dev.squeeze.internal.cluster.Images.defaultK3sImage();
    private static final Map<String, String> REUSE = Map.of(SqueezeProperties.REUSE_NODES, "true");

    @BeforeEach
    void clearJournal() {
        Journal.reset();
    }

    @Test
    void classesWithEqualSettingsShareOneNodeEachInItsOwnViewAndTheRunsEndStopsIt() {
        EngineExecutionResults results = SqueezeTestKit.execute(REUSE, FirstTestCase.class, SecondTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        String node = node(0);
        assertThat(Journal.entries()).containsExactly(K3S_2GI, "borrow " + node, "deploy " + APP,
                "run FirstTestCase-hog on " + node, "delete " + APP, "return " + node,
                "check " + node, "borrow " + node, "deploy " + APP,
                "run SecondTestCase-hog on " + node, "delete " + APP, "return " + node,
                "close " + node);
    }

    @Test
    void theKeyIsTheNodeSettingsAnotherSizeGetsAnotherNodeAndTheIdleOneIsStoppedFirst() {
        EngineExecutionResults results = SqueezeTestKit.execute(REUSE, FirstTestCase.class, BiggerNodeTestCase.class,
                SecondTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start") || e.startsWith("close"))
                .containsExactly(K3S_2GI, "close " + node(0), K3S_3GI, "close " + node(1), K3S_2GI,
                        "close " + node(2));
    }

    @Test
    void aClassWithANodeOfItsOwnStopsTheIdleSharedNodeBeforeItsNodeStarts() {
        SqueezeTestKit.execute(REUSE, FirstTestCase.class, OwnNodeTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start") || e.startsWith("close"))
                .containsExactly(K3S_2GI, "close " + node(0), K3S_2GI, "close " + node(1));
    }

    @Test
    void anUnfitNodeIsStoppedAndAFreshOneStarted() {
        Journal.nodeCondition("MemoryPressure", "True");

        SqueezeTestKit.execute(REUSE, FirstTestCase.class, SecondTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(2));

        String first = node(0);
        assertThat(Journal.entries()).containsSubsequence("return " + first, "check " + first,
                "unfit " + first + ": node " + first + " has MemoryPressure True", "close " + first, K3S_2GI,
                "borrow " + node(1));
        assertThat(node(1)).isNotEqualTo(first);
    }

    @Test
    void aNodeWhoseKubeSystemAnEarlierClassDamagedIsNotHandedOn() {
        // GIVEN CoreDNS evicted while the first class ran
        Journal.pods(new PodBuilder().withNewMetadata().withNamespace("kube-system").withName("coredns-7f9c")
                .endMetadata().withNewStatus().withPhase("Failed").withReason("Evicted").endStatus().build());
        // WHEN
        SqueezeTestKit.execute(REUSE, FirstTestCase.class, SecondTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(2));
        // THEN
        String first = node(0);
        assertThat(Journal.entries()).containsSubsequence("check " + first, "unfit " + first + ": kube-system was"
                + " damaged by an earlier class: kube-system/coredns-7f9c is Failed (Evicted)", "close " + first,
                K3S_2GI, "borrow " + node(1));
    }

    @Test
    void withoutTheParameterEveryClassGetsANodeOfItsOwn() {
        SqueezeTestKit.execute(Map.of(), FirstTestCase.class, SecondTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start") || e.startsWith("close")
                        || e.startsWith("borrow"))
                .containsExactly(K3S_2GI, "close " + node(0), K3S_2GI, "close " + node(1));
    }

    @Test
    void theAttributeWinsOverTheParameterBothWays() {
        SqueezeTestKit.execute(REUSE, FirstTestCase.class, OwnNodeTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start")).hasSize(2);

        Journal.reset();
        SqueezeTestKit.execute(Map.of(), OptedInTestCase.class, OptedInTooTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start")).hasSize(1);
    }

    @Test
    void perMethodClassesKeepTheirFreshNodesUnderTheParameter() {
        SqueezeTestKit.execute(REUSE, PerMethodTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2));

        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start") || e.startsWith("borrow")).hasSize(2)
                .allMatch(e -> e.startsWith("start"));
    }

    @Test
    void aBadParameterValueNamesTheParameterTheValueAndTheFix() {
        EngineExecutionResults results = SqueezeTestKit.execute(Map.of(SqueezeProperties.REUSE_NODES, "yes"),
                FirstTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(FirstTestCase.class),
                finishedWithFailure(message("Configuration parameter squeeze.reuseNodes must be true or false, but"
                        + " was 'yes'. Fix: write squeeze.reuseNodes=true to let classes with equal @ChaosNode"
                        + " settings share a node, or remove it to give every class a node of its own (the default)"))));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void reuseAcrossClassesWithANodePerMethodIsRefusedBeforeAnythingStarts() {
        EngineExecutionResults results = SqueezeTestKit.execute(Map.of(), ReusePerMethodTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(ReusePerMethodTestCase.class),
                finishedWithFailure(message("@ChaosNode(reuse) cannot share a node across classes when every method"
                        + " gets a fresh node (lifecycle = PER_METHOD), but was 'ACROSS_CLASSES'. Fix: use lifecycle ="
                        + " PER_CLASS, or remove reuse = ACROSS_CLASSES"))));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void aViewThatCannotBeCreatedStopsTheNodeInsteadOfLeakingIt() {
        Journal.fail("borrow");

        SqueezeTestKit.execute(REUSE, FirstTestCase.class).containerEvents()
                .assertStatistics(stats -> stats.failed(1));

        assertThat(Journal.entries()).containsExactly(K3S_2GI, "borrow " + node(0), "close " + node(0));
    }

    /** The name of the i-th node started (the fake numbers nodes across the whole JVM). */
    private static String node(int i) {
        List<String> names = Journal.entries().stream().filter(e -> e.startsWith("borrow ") || e.startsWith("close "))
                .map(e -> e.substring(e.lastIndexOf(' ') + 1)).distinct().toList();
        return names.get(i);
    }

    @ChaosNode
    @Workload(manifests = APP)
    static class FirstTestCase {
        @Test
        @MemoryHog(size = "50%")
        void hog(ChaosCluster cluster) {
        }
    }

    @ChaosNode
    @Workload(manifests = APP)
    static class SecondTestCase {
        @Test
        @MemoryHog(size = "50%")
        void hog() {
        }
    }

    @ChaosNode(memory = "3Gi")
    static class BiggerNodeTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(reuse = NodeReuse.NEVER)
    static class OwnNodeTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(reuse = NodeReuse.ACROSS_CLASSES)
    static class OptedInTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(reuse = NodeReuse.ACROSS_CLASSES)
    static class OptedInTooTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(lifecycle = Lifecycle.PER_METHOD)
    static class PerMethodTestCase {
        @Test
        void first(ChaosCluster cluster) {
        }

        @Test
        void second(ChaosCluster cluster) {
        }
    }

    @ChaosNode(lifecycle = Lifecycle.PER_METHOD, reuse = NodeReuse.ACROSS_CLASSES)
    static class ReusePerMethodTestCase {
        @Test
        void test() {
        }
    }
}
