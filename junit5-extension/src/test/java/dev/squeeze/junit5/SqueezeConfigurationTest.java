package dev.squeeze.junit5;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.junit5.testkit.Journal;
import dev.squeeze.junit5.testkit.SqueezeTestKit;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Attribute, then configuration parameter, then default; existing clusters; the builder. */
class SqueezeConfigurationTest {

    @BeforeEach
    void clearJournal() {
        Journal.reset();
    }

    @Test
    void aPlainNestedClassSharesTheOuterNode() {
        EngineExecutionResults results = SqueezeTestKit.execute(NestedMistakes.PlainNestedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start") || e.startsWith("run")).hasSize(2);
    }

    @Test
    void withAnExistingClusterNoDockerIsNeededAndTheNamedContextIsUsed(@TempDir Path dir) throws IOException {
        Journal.dockerMissing("no Docker here");
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1");

        EngineExecutionResults results = SqueezeTestKit.execute(DefaultNodeTestCase.class, Map.of(
                SqueezeProperties.KUBECONFIG, kubeconfig.toString(), SqueezeProperties.KUBECONFIG_CONTEXT, "ci"));

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Journal.entries()).first().isEqualTo("attach kubeconfig context=ci");
    }

    @Test
    void existingClusterRefusesNodeShapingByName(@TempDir Path dir) throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1");

        EngineExecutionResults results = SqueezeTestKit.execute(ShapedNodeTestCase.class,
                Map.of(SqueezeProperties.KUBECONFIG, kubeconfig.toString()));

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.startsWith(
                "@ChaosNode(memory, kubeletArgs) cannot apply to the existing cluster of " + kubeconfig + ", but was"
                        + " memory = \"4Gi\", kubeletArgs = {\"max-pods=20\"}: Squeeze does not resize")
                && m.endsWith("Fix: remove memory, kubeletArgs to run there as the cluster is, or unset"
                + " squeeze.kubeconfig to run on a k3s node shaped as declared"))));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void existingClusterRefusesSwapByName(@TempDir Path dir) throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1");

        EngineExecutionResults results = SqueezeTestKit.execute(SwapNodeTestCase.class,
                Map.of(SqueezeProperties.KUBECONFIG, kubeconfig.toString()));

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.startsWith(
                "@ChaosNode(swap) cannot apply to the existing cluster of " + kubeconfig + ", but was"
                        + " swap = \"1Gi\": Squeeze does not resize"))));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void missingKubeconfigIsAConfigurationProblem() {
        EngineExecutionResults results = SqueezeTestKit.execute(DefaultNodeTestCase.class,
                Map.of(SqueezeProperties.KUBECONFIG, "does/not/exist"));

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.startsWith(
                "Configuration parameter squeeze.kubeconfig must name a readable kubeconfig file"))));
    }

    @Test
    void imageParameterReplacesTheDefaultButNotAnAttribute() {
        Map<String, String> parameters = Map.of(SqueezeProperties.K3S_IMAGE, "mirror.local/k3s:v1");

        SqueezeTestKit.execute(DefaultNodeTestCase.class, parameters);
        SqueezeTestKit.execute(PinnedImageTestCase.class, parameters);

        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start"))
                .containsExactly("start k3s 2Gi mirror.local/k3s:v1", "start k3s 2Gi rancher/k3s:v1.33.5-k3s1");
    }

    @Test
    void anAttributeEqualToTheDefaultImageIsStillAnAttribute() {
        // GIVEN a class that names the default image explicitly, and a parameter naming another
        assertThat(DefaultImageTestCase.IMAGE).isEqualTo(dev.squeeze.internal.cluster.Images.defaultK3sImage());
        Map<String, String> parameters = Map.of(SqueezeProperties.K3S_IMAGE, "mirror.local/k3s:v1");

        // WHEN it runs
        SqueezeTestKit.execute(DefaultImageTestCase.class, parameters);

        // THEN the attribute wins: it was set, not defaulted
        assertThat(Journal.entries()).filteredOn(e -> e.startsWith("start"))
                .containsExactly("start k3s 2Gi " + DefaultImageTestCase.IMAGE);
    }

    @Test
    void builderValuesEqualToTheDefaultsAreStillBuilderValues() {
        // GIVEN a builder that sets tick and report directory to their defaults, and parameters naming others
        Map<String, String> parameters = Map.of(SqueezeProperties.TICK, "500ms",
                SqueezeProperties.REPORT_DIR, SqueezeTestKit.REPORT_DIR + "/elsewhere");

        // WHEN it runs
        SqueezeTestKit.execute(BuilderWithDefaultValuesTestCase.class, parameters);

        // THEN the builder's values win
        assertThat(Journal.experiments()).singleElement().satisfies(spec -> {
            assertThat(spec.tick()).isEqualTo(dev.squeeze.experiment.ExperimentSpec.DEFAULT_TICK);
            assertThat(spec.reportDirectory()).isEqualTo(dev.squeeze.experiment.ExperimentSpec.DEFAULT_REPORT_DIRECTORY);
        });
    }

    @Test
    void builderLeavesTickAndReportDirectoryToTheParameters() {
        // GIVEN a builder that sets neither tick nor report directory
        Map<String, String> parameters = Map.of(SqueezeProperties.TICK, "500ms",
                SqueezeProperties.REPORT_DIR, SqueezeTestKit.REPORT_DIR + "/elsewhere");

        // WHEN it runs
        SqueezeTestKit.execute(BuilderTestCase.class, parameters);

        // THEN the parameters apply
        assertThat(Journal.experiments()).singleElement().satisfies(spec -> {
            assertThat(spec.tick()).isEqualTo(Duration.ofMillis(500));
            assertThat(spec.reportDirectory()).isEqualTo(Path.of(SqueezeTestKit.REPORT_DIR + "/elsewhere"));
        });
    }

    @Test
    void tickAndHogImageParametersReachTheExperiment() {
        SqueezeTestKit.execute(DefaultNodeTestCase.class,
                Map.of(SqueezeProperties.TICK, "500ms", SqueezeProperties.HOG_IMAGE, "mirror.local/jre:25"));

        assertThat(Journal.experiments()).singleElement().satisfies(spec -> {
            assertThat(spec.tick()).isEqualTo(Duration.ofMillis(500));
            assertThat(spec.hog().image()).isEqualTo("mirror.local/jre:25");
            assertThat(spec.reportDirectory()).isEqualTo(Path.of(SqueezeTestKit.REPORT_DIR));
        });
    }

    @Test
    void expectEvictionReachesTheExperimentAndDefaultsToAny() {
        SqueezeTestKit.execute(ExpectsEvictionTestCase.class);
        SqueezeTestKit.execute(DefaultNodeTestCase.class);

        assertThat(Journal.experiments()).extracting(dev.squeeze.experiment.ExperimentSpec::expect)
                .containsExactly(dev.squeeze.experiment.Expect.EVICTION, dev.squeeze.experiment.Expect.ANY);
    }

    @ChaosNode
    public static class ExpectsEvictionTestCase {
        @org.junit.jupiter.api.Test
        @MemoryHog(size = "120%", expect = dev.squeeze.experiment.Expect.EVICTION)
        void test() {
        }
    }

    @Test
    void badTickParameterIsNamed() {
        EngineExecutionResults results = SqueezeTestKit.execute(DefaultNodeTestCase.class,
                Map.of(SqueezeProperties.TICK, "fast"));

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(
                "Configuration parameter squeeze.tick must be a duration such as 30s, 2m or 1m30s, but was 'fast'."
                        + " Fix: write a whole number with ms, s, m or h, such as 30s or 2m")));
    }

    @Test
    void registeredBuilderConfiguresTheNodeAndWorkload() {
        EngineExecutionResults results = SqueezeTestKit.execute(BuilderTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Journal.entries()).startsWith("start k3s 3Gi " + dev.squeeze.internal.cluster.Images.defaultK3sImage(),
                "deploy classpath:squeeze-test/app.yaml");
        assertThat(Journal.experiments()).singleElement()
                .satisfies(spec -> assertThat(spec.watchedPods()).containsExactly("app=web"));
    }

    @ChaosNode
    public static class DefaultNodeTestCase {
        @org.junit.jupiter.api.Test
        @MemoryHog(size = "120%")
        void test() {
        }
    }

    @ChaosNode(image = "rancher/k3s:v1.33.5-k3s1")
    static class PinnedImageTestCase {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @ChaosNode(swap = "1Gi")
    static class SwapNodeTestCase {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @ChaosNode(image = DefaultImageTestCase.IMAGE)
    static class DefaultImageTestCase {
        static final String IMAGE = "rancher/k3s:v1.34.4-k3s1";

        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    static class BuilderWithDefaultValuesTestCase {
        @RegisterExtension
        static SqueezeExtension squeeze = SqueezeExtension.builder()
                .tick(dev.squeeze.experiment.ExperimentSpec.DEFAULT_TICK)
                .reportDirectory(dev.squeeze.experiment.ExperimentSpec.DEFAULT_REPORT_DIRECTORY)
                .build();

        @org.junit.jupiter.api.Test
        @MemoryHog(size = "120%")
        void test() {
        }
    }

    @ChaosNode(memory = "4Gi", kubeletArgs = "max-pods=20")
    static class ShapedNodeTestCase {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    static class BuilderTestCase {
        @RegisterExtension
        static SqueezeExtension squeeze = SqueezeExtension.builder()
                .node(NodeSpec.ofMemory(MemorySize.parse("3Gi")))
                .workload(dev.squeeze.workload.WorkloadSpec.of("classpath:squeeze-test/app.yaml")
                        .withReadySelectors(java.util.List.of("app=web")))
                .build();

        @org.junit.jupiter.api.Test
        @MemoryHog(size = "120%")
        void test() {
        }
    }
}
