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
        // two pauses of the first poll interval (100 ms) between three polls: it neither spins nor waits out its timeout
        assertThat(took).isBetween(KubeWait.FAST_POLL.multipliedBy(2).minusMillis(10), Duration.ofSeconds(3));
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

    @Test
    void pollsFastWhileMostWaitsEndThenBacksOff() {
        // GIVEN a wait that has just begun, or has lasted a while
        // WHEN the next pause is chosen  THEN it is short at first (setup waits end within seconds), then the usual
        assertThat(KubeWait.pollInterval(Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
        assertThat(KubeWait.pollInterval(Duration.ofMillis(4_999))).isEqualTo(Duration.ofMillis(100));
        assertThat(KubeWait.pollInterval(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(500));
        assertThat(KubeWait.pollInterval(Duration.ofMinutes(2))).isEqualTo(Duration.ofMillis(500));
        assertThat(KubeWait.pollInterval(Duration.ofSeconds(29), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofMillis(100));
        assertThat(KubeWait.pollInterval(Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aMultiLineStateIsLoggedAsClausesSeparatedBySemicolons() {
        // GIVEN/WHEN the workload wait's state on one progress line
        String line = KubeWait.oneLine("selector app=web: 2/2 Ready\nall Ready, checking it stays Ready for 2 s\n");

        // THEN it reads as two clauses
        assertThat(line).isEqualTo("selector app=web: 2/2 Ready; all Ready, checking it stays Ready for 2 s");
    }
}
