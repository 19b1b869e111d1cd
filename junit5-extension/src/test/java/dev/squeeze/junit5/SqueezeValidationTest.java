package dev.squeeze.junit5;

import dev.squeeze.junit5.testkit.Journal;
import dev.squeeze.junit5.testkit.SqueezeTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Every mistake fails the class before a node starts, naming annotation, attribute, value and fix. */
class SqueezeValidationTest {

    /** Validation comes first: every mistake is reported on a machine without Docker. */
    @BeforeEach
    void noDocker() {
        Journal.reset();
        Journal.dockerMissing("no Docker on this machine");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments(HogMistakes.MegabytesTestCase.class, "@MemoryHog(size) on MegabytesTestCase.test() must be a"
                        + " Kubernetes quantity such as 1500Mi or a percentage such as 120%, but was '3000MB'."
                        + " Fix: write size = \"3000M\" or size = \"2861Mi\""),
                arguments(HogMistakes.BareBytesTestCase.class, "@MemoryHog(size) on BareBytesTestCase.test() must be at"
                        + " least 1Mi (a bare number means bytes), but was '1500'. Fix: write size = \"1500Mi\""),
                arguments(HogMistakes.ZeroPercentTestCase.class, "must be a percentage above 0% and at most 1000%,"
                        + " but was '0%'"),
                arguments(HogMistakes.HugePercentTestCase.class, "but was '1500%'. Fix: write size = \"120%\""),
                arguments(HogMistakes.RateWithoutPerSecondTestCase.class, "@MemoryHog(rate) on"
                        + " RateWithoutPerSecondTestCase.test() must be a positive memory rate such as 100Mi/s, or max,"
                        + " but was '100Mi'. Fix: write rate = \"100Mi/s\""),
                arguments(HogMistakes.ZeroRateTestCase.class, "but was '0/s'. Fix: write a quantity per second such as"
                        + " 50Mi/s, or max for no pacing"),
                arguments(HogMistakes.HoldWithoutUnitTestCase.class, "@MemoryHog(hold) on HoldWithoutUnitTestCase.test()"
                        + " must be a duration such as 30s, 2m or 1m30s, but was '30'. Fix: write hold = \"30s\""),
                arguments(HogMistakes.NegativeHoldTestCase.class, "but was '-5s'. Fix: write hold = \"5s\""),
                arguments(HogMistakes.MinutesWordTestCase.class, "but was '2min'. Fix: write steadyState = \"2m\""),
                arguments(HogMistakes.GuaranteedWithoutLimitTestCase.class, "@MemoryHog(limit) on"
                        + " GuaranteedWithoutLimitTestCase.test() must be set for qos GUARANTEED (requests = limits),"
                        + " but was ''. Fix: write limit = \"2Gi\", or use qos = QosClass.BEST_EFFORT"),
                arguments(HogMistakes.LimitBasisWithoutLimitTestCase.class, "@MemoryHog(basis) on"
                        + " LimitBasisWithoutLimitTestCase.test() must not be HOG_LIMIT without a hog memory `limit` (qos"
                        + " BURSTABLE or GUARANTEED), but was 'SizeBasis.HOG_LIMIT'"),
                arguments(HogMistakes.BestEffortWithLimitTestCase.class, "must be unset for qos BEST_EFFORT (a"
                        + " BestEffort pod has no limits), but was '1Gi'. Fix: remove limit, or use qos ="
                        + " QosClass.BURSTABLE"),
                arguments(HogMistakes.ColonSelectorTestCase.class, "@MemoryHog(watch) on ColonSelectorTestCase.test()"
                        + " must be a label selector such as app=web"),
                arguments(HogMistakes.ColonSelectorTestCase.class, "Fix: write watch = \"app=web\""),
                arguments(HogMistakes.UnclosedSetSelectorTestCase.class, "but was 'tier in (web,api', which has the"
                        + " requirement 'tier in (web,api' that is not key, !key"),
                arguments(NestedMistakes.HogMistakeInNestedTestCase.class, "@MemoryHog(size) on Inner.test() must be a"
                        + " Kubernetes quantity such as 1500Mi or a percentage such as 120%, but was '1.5GB'"),
                arguments(HogMistakes.ZeroSizeTestCase.class, "@MemoryHog(size) on ZeroSizeTestCase.test() must be at"
                        + " least 1Mi (a bare number means bytes), but was '0'. Fix: write size = \"1500Mi\" or size ="
                        + " \"120%\""),
                arguments(HogMistakes.NotATestTestCase.class, "@MemoryHog on NotATestTestCase.helper() would never"
                        + " run: helper() is not a test method (no @Test, @ParameterizedTest, @RepeatedTest or other"
                        + " @TestTemplate). Fix: annotate helper() with @Test, or remove @MemoryHog from it"),
                arguments(NestedMistakes.WorkloadOnNestedTestCase.class, "@Workload on the @Nested class"
                        + " WorkloadOnNestedTestCase.Inner is not supported: Squeeze configures one node per top-level"
                        + " class, and its @Nested classes share it. Fix: move @Workload to the top-level class"
                        + " WorkloadOnNestedTestCase, or make Inner a top-level test class of its own"),
                arguments(NestedMistakes.ChaosNodeOnlyOnNestedTestCase.class, "@ChaosNode on the @Nested class"
                        + " ChaosNodeOnlyOnNestedTestCase.Inner is not supported"),
                arguments(HogMistakes.PriorityClassCaseTestCase.class, "@MemoryHog(priorityClass) on"
                        + " PriorityClassCaseTestCase.test() must be a PriorityClass name"),
                arguments(HogMistakes.ImageWithSpaceTestCase.class, "@MemoryHog(image) on ImageWithSpaceTestCase.test()"
                        + " must be a Docker image name such as eclipse-temurin:25-jre, but was 'eclipse temurin:25'"),
                arguments(HogMistakes.HttpPortTestCase.class, "@MemoryHog(http.port) on HttpPortTestCase.test() must"
                        + " be a port between 1 and 65535, but was '0'"),
                arguments(HogMistakes.HttpWithoutServiceTestCase.class, "Fix: write http = @HttpProbe(service ="
                        + " \"web\", port = 8080, path = \"/healthz\")"),
                arguments(HogMistakes.WindowLongerThanTimeoutTestCase.class, "must be shorter than recoveryTimeout"
                        + " (30s), or recovery can never be observed, but was '1m'"),
                arguments(HogMistakes.RampTooSlowTestCase.class, "@MemoryHog(rate, rampTimeout) on"
                        + " RampTooSlowTestCase.test() cannot reach 2Gi within rampTimeout: at 1Mi/s it needs 34m8s,"
                        + " but rampTimeout is 3m. Fix: write rate = \"12Mi/s\" or faster, or rampTimeout = \"35m\" or"
                        + " longer"),
                arguments(HogMistakes.IssueRampTestCase.class, "@MemoryHog(rate, rampTimeout) on"
                        + " IssueRampTestCase.test() cannot reach 28Gi within rampTimeout: at 40Mi/s it needs 11m56s,"
                        + " but rampTimeout is 3m. Fix: write rate = \"160Mi/s\" or faster, or rampTimeout = \"12m\" or"
                        + " longer"),
                arguments(HogMistakes.PercentRampTestCase.class, "@MemoryHog(rate, rampTimeout) on"
                        + " PercentRampTestCase.test() cannot reach 120% of 15.22 GiB (allocatable of the 16Gi node) = 18.26 GiB within rampTimeout: at 10Mi/s it"
                        + " needs 31m10s, but rampTimeout is 1m. Fix: write rate = \"312Mi/s\" or faster, or rampTimeout ="
                        + " \"32m\" or longer"),
                arguments(NodeMistakes.GigabytesTestCase.class, "@ChaosNode(memory) must be a Kubernetes quantity such"
                        + " as 512Mi or 2Gi, but was '2GB'. Fix: write memory = \"2G\" or memory = \"1907Mi\""),
                arguments(NodeMistakes.SwapInGigabytesTestCase.class, "@ChaosNode(swap) must be a Kubernetes quantity"
                        + " such as 512Mi or 2Gi, but was '1GB'. Fix: write swap = \"1G\" or swap = \"953Mi\""),
                arguments(NodeMistakes.TooSmallNodeTestCase.class, "@ChaosNode(memory) must leave at least 512Mi"
                        + " allocatable for pods after kubeReserved (600Mi), systemReserved (0) and evictionHard"
                        + " (200Mi), but was '1Gi'. Fix: write memory = \"1312Mi\" or more, or lower the reservations"),
                arguments(NodeMistakes.DashedKubeletArgTestCase.class, "@ChaosNode(kubeletArgs) must list key=value"
                        + " without leading dashes, but was '--max-pods=20'. Fix: write \"max-pods=20\""),
                arguments(NodeMistakes.OwnedKubeletArgTestCase.class, "Fix: remove it and set evictionHard instead"),
                arguments(NodeMistakes.BadImageToLoadTestCase.class, "@ChaosNode(loadImages) must list Docker image"
                        + " names such as my-app:1.0, but was 'My App:1.0'"),
                arguments(NodeMistakes.ZeroStartupTimeoutTestCase.class, "@ChaosNode(startupTimeout) must be a"
                        + " positive duration, but was '0s'. Fix: write startupTimeout = \"3m\""),
                arguments(NodeMistakes.MissingResourceTestCase.class, "@Workload(manifests) must name a resource on"
                        + " the test classpath, but was 'classpath:squeeze-test/missing.yaml'. Fix: put the file at"
                        + " src/test/resources/squeeze-test/missing.yaml or correct the path"),
                arguments(NodeMistakes.ResourceWithoutPrefixTestCase.class, "Fix: write manifests ="
                        + " \"classpath:squeeze-test/app.yaml\""),
                arguments(NodeMistakes.EmptySelectorTestCase.class, "@Workload(readySelectors) must be a label selector"
                        + " such as app=web, app!=batch or tier in (web,api), but was '', which is empty and would"
                        + " select every pod. Fix: write a label selector such as app=web"),
                arguments(NodeMistakes.ReadyTimeoutWordsTestCase.class, "but was '2 minutes'. Fix: write readyTimeout ="
                        + " \"2m\""),
                arguments(NodeMistakes.BuilderAndAnnotationTestCase.class, "BuilderAndAnnotationTestCase declares both"
                        + " @ChaosNode and a @RegisterExtension SqueezeExtension.builder()"),
                arguments(NodeMistakes.BuilderTooSmallNodeTestCase.class, "NodeSpec memory"
                        + " (SqueezeExtension.builder().node) must leave at least 512Mi allocatable"),
                arguments(ManifestMistakes.InvalidYamlTestCase.class, "@Workload(manifests) must name YAML with"
                        + " Kubernetes objects, but was 'classpath:squeeze-test/bad/invalid.yaml', which is not valid"
                        + " Kubernetes YAML: mapping values are not allowed here at line 5, column 12; check it with"
                        + " `kubectl apply --dry-run=client -f <file>`. Fix: correct the file; every document needs"
                        + " apiVersion, kind and metadata.name"),
                arguments(ManifestMistakes.EmptyManifestTestCase.class, "@Workload(manifests) must name YAML with"
                        + " Kubernetes objects, but was 'classpath:squeeze-test/bad/empty.yaml', which contains no"
                        + " Kubernetes objects"),
                arguments(ManifestMistakes.UnknownKindTestCase.class, "@Workload(manifests) must hold kinds Kubernetes"
                        + " knows, but was 'apiVersion: apps/v1, kind: Deploymnet' (web in"
                        + " classpath:squeeze-test/bad/unknown-kind.yaml), which fabric8 cannot map to a Kubernetes"
                        + " kind, and no CustomResourceDefinition in the manifests defines it. Fix: write apiVersion:"
                        + " apps/v1 and kind: Deployment"),
                arguments(ManifestMistakes.CustomResourceWithoutDefinitionTestCase.class, "but was 'apiVersion:"
                        + " monitoring.coreos.com/v1, kind: ServiceMonitor' (web in"
                        + " classpath:squeeze-test/bad/custom-resource.yaml), a custom resource of group"
                        + " monitoring.coreos.com whose CustomResourceDefinition is not among the manifests"),
                arguments(ManifestMistakes.MissingFileTestCase.class, "@Workload(manifests) must name an existing"
                        + " file (resolved to "));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void failsTheClassBeforeAnythingStarts(Class<?> testCase, String expected) {
        EngineExecutionResults results = SqueezeTestKit.execute(testCase);

        results.containerEvents().assertThatEvents().haveAtLeastOne(event(container(testCase), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(expected)))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        EngineExecutionResults results = SqueezeTestKit.execute(NodeMistakes.ManyMistakesTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.startsWith(
                "Squeeze found 4 configuration problems in " + NodeMistakes.ManyMistakesTestCase.class.getName() + ":")
                && m.contains("1. @ChaosNode(evictionHard) must be a Kubernetes quantity")
                && m.contains("2. @Workload(manifests) must name a resource on the test classpath")
                && m.contains("3. @MemoryHog(size) on ManyMistakesTestCase.test()")
                && m.contains("4. @MemoryHog(hold) on ManyMistakesTestCase.test()"))));
        assertThat(Journal.entries()).isEmpty();
    }
}
