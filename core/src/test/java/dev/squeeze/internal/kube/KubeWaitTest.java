package dev.squeeze.internal.kube;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KubeWaitTest {

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();

        Duration took = KubeWait.until("three polls", Duration.ofSeconds(10), LoggerFactory.getLogger("test"),
                () -> polls.incrementAndGet() >= 3 ? KubeWait.Status.done("ok") : KubeWait.Status.pending("not yet"));

        assertThat(polls).hasValue(3);
        // two pauses of one poll interval (500 ms) between three polls: it neither spins nor waits out its timeout
        assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofSeconds(3));
    }

    @Test
    void apiErrorsAreAStateToWaitThroughNotAFailure() {
        AtomicInteger polls = new AtomicInteger();

        KubeWait.until("the API to answer", Duration.ofSeconds(10), LoggerFactory.getLogger("test"), () -> {
            if (polls.incrementAndGet() < 2) {
                throw new io.fabric8.kubernetes.client.KubernetesClientException("connection refused");
            }
            return KubeWait.Status.done("answered");
        });

        assertThat(polls).hasValue(2);
    }

    @Test
    void timeoutNamesWhatWasAwaitedForHowLongAndTheLastState() {
        AtomicInteger polls = new AtomicInteger();

        assertThatIllegalStateException()
                .isThrownBy(() -> KubeWait.until("the node to be Ready", Duration.ofMillis(300),
                        LoggerFactory.getLogger("test"),
                        () -> KubeWait.Status.pending("Ready=False (poll " + polls.incrementAndGet() + ")\nline 2")))
                .withMessageStartingWith("Timed out after ")
                .withMessageContaining("waiting for the node to be Ready (timeout 0.3s).\nLast observed state:\n"
                        + "  Ready=False (poll " )
                .withMessageEndingWith(")\n  line 2");
    }
}
