package dev.squeeze.junit5;

import dev.squeeze.junit5.SqueezeConfigurationTest.DefaultNodeTestCase;
import dev.squeeze.junit5.testkit.Journal;
import dev.squeeze.junit5.testkit.SqueezeTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Missing Docker fails a class with the cause (Testcontainers' convention); skipping is an explicit opt-in. */
class SqueezeDockerTest {

    private static final String CAUSE = "DOCKER_HOST is unix:///nonexistent.sock, but /nonexistent.sock does not exist";

    @BeforeEach
    void noDocker() {
        Journal.reset();
        Journal.dockerMissing(CAUSE);
    }

    @Test
    void withoutDockerTheClassFailsWithTheCauseAndTheFix() {
        EngineExecutionResults results = SqueezeTestKit.execute(DefaultNodeTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(DefaultNodeTestCase.class),
                finishedWithFailure(instanceOf(IllegalStateException.class), message("DefaultNodeTestCase needs Docker"
                        + " to start a k3s node, but Docker is not available: " + CAUSE + ". Fix: start Docker (or"
                        + " point DOCKER_HOST at it), set squeeze.kubeconfig to run on an existing cluster, or skip"
                        + " such classes where Docker is missing with @ChaosNode(disabledWithoutDocker = true) or"
                        + " squeeze.disabledWithoutDocker=true"))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void theConfigurationParameterOptsInToSkipping() {
        EngineExecutionResults results = SqueezeTestKit.execute(DefaultNodeTestCase.class,
                Map.of(SqueezeProperties.DISABLED_WITHOUT_DOCKER, "true"));

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(DefaultNodeTestCase.class),
                skippedWithReason("Docker is not available (" + CAUSE + ") and skipping without Docker is enabled"
                        + " (@ChaosNode(disabledWithoutDocker = true) or squeeze.disabledWithoutDocker=true)")));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void theAttributeOptsInToSkipping() {
        EngineExecutionResults results = SqueezeTestKit.execute(SkipWithoutDockerTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(SkipWithoutDockerTestCase.class),
                skippedWithReason(reason -> reason.startsWith("Docker is not available (" + CAUSE + ")"))));
        assertThat(Journal.entries()).isEmpty();
    }

    @Test
    void aMistakeIsReportedEvenWhenSkippingIsOptedIn() {
        EngineExecutionResults results = SqueezeTestKit.execute(SkipButWrongTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(SkipButWrongTestCase.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.startsWith("@ChaosNode(memory) must be a Kubernetes quantity")))));
    }

    @Test
    void theParameterMustBeTrueOrFalse() {
        EngineExecutionResults results = SqueezeTestKit.execute(DefaultNodeTestCase.class,
                Map.of(SqueezeProperties.DISABLED_WITHOUT_DOCKER, "yes"));

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message("Configuration parameter"
                        + " squeeze.disabledWithoutDocker must be true or false, but was 'yes'. Fix: write"
                        + " squeeze.disabledWithoutDocker=true to skip Squeeze classes where Docker is missing, or"
                        + " remove it to fail them (the default)")));
    }

    @ChaosNode(disabledWithoutDocker = true)
    static class SkipWithoutDockerTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(memory = "2GB", disabledWithoutDocker = true)
    static class SkipButWrongTestCase {
        @Test
        void test() {
        }
    }
}
