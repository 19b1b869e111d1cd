package dev.squeeze.internal.kube;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.units.Durations;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Polls a condition until it holds, logging progress about every 10 s and failing with what was awaited, for how
 * long, and the last observed state. Internal.
 *
 * <pre>{@code
 * KubeWait.until("node Ready", Duration.ofMinutes(3), log, () -> nodeReady()
 *         ? KubeWait.Status.done("Ready") : KubeWait.Status.pending(describeNode()));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class KubeWait {

    /** Most waits (node, kube-system, workload Ready) end within seconds: poll fast first, then back off. */
    static final Duration FAST_POLL = Duration.ofMillis(100);
    static final Duration FAST_FOR = Duration.ofSeconds(5);
    static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private KubeWait() {
    }

    /** One observation: whether the condition holds, and the state to show in progress logs and timeouts. */
    public record Status(boolean done, String state) {
        public static Status done(String state) {
            return new Status(true, state);
        }

        public static Status pending(String state) {
            return new Status(false, state);
        }
    }

    /** A condition to poll; API errors count as "not yet" and are shown as the last state. */
    @FunctionalInterface
    public interface Check {
        Status poll();
    }

    /**
     * Polls {@code check} until it is done.
     *
     * @return how long it took
     * @throws IllegalStateException when {@code timeout} expires, naming {@code awaited} and the last state
     */
    public static Duration until(String awaited, Duration timeout, Logger log, Check check) {
        try {
            return untilOrTimeout(awaited, timeout, log, check);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Like {@link #until} but lets the caller build its own failure with a {@link TimeoutException}. */
    public static Duration untilOrTimeout(String awaited, Duration timeout, Logger log, Check check)
            throws TimeoutException {
        return untilOrTimeout(awaited, timeout, FAST_FOR, log, check);
    }

    /**
     * Like {@link #untilOrTimeout(String, Duration, Logger, Check)}, polling every {@link #FAST_POLL} for
     * {@code fastFor} instead of {@link #FAST_FOR}: for a wait whose end someone is waiting on to the tenth of a
     * second (a workload's pods, which take longer than 5 s to start and then must stay Ready for a while).
     */
    public static Duration untilOrTimeout(String awaited, Duration timeout, Duration fastFor, Logger log, Check check)
            throws TimeoutException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        String last = "(not polled yet)";
        while (true) {
            Status status;
            try {
                status = check.poll();
            } catch (KubernetesClientException e) {
                status = Status.pending("API error: " + e.getMessage());
            }
            last = status.state();
            long now = System.nanoTime();
            Duration elapsed = Duration.ofNanos(now - start);
            if (status.done()) {
                return elapsed;
            }
            if (now - deadline >= 0) {
                throw new TimeoutException("Timed out after " + Durations.format(elapsed) + " waiting for "
                        + awaited + " (timeout " + Durations.format(timeout) + ").\nLast observed state:\n"
                        + indent(last));
            }
            if (now - nextProgress >= 0) {
                log.info("still waiting for {} after {}: {}", awaited, Durations.format(elapsed), oneLine(last));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep(Math.min(pollInterval(elapsed, fastFor).toNanos(), Math.max(1, deadline - now)));
        }
    }

    /** The pause before the next poll: {@link #FAST_POLL} for the first {@link #FAST_FOR}, then {@link #POLL}. */
    static Duration pollInterval(Duration elapsed) {
        return pollInterval(elapsed, FAST_FOR);
    }

    static Duration pollInterval(Duration elapsed, Duration fastFor) {
        return elapsed.compareTo(fastFor) < 0 ? FAST_POLL : POLL;
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos).toMillis(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }

    /** The state on one log line: {@code selector app=web: 2/2 Ready; all Ready, checking it stays Ready for 2 s}. */
    static String oneLine(String text) {
        String flat = text.strip().replace("\n", "; ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
