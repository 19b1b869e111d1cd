package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.units.Durations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for a condition, evaluated once per sampler tick, with a timeout whose message says what was awaited, for
 * how long, and the last observed state (like Awaitility's alias messages).
 *
 * <pre>{@code
 * Until.Result r = new Until(sampler::awaitTick, clock).await("the hog to hold its target", rampTimeout,
 *         () -> follower.reachedHold() ? Optional.of("holding") : Optional.empty(), follower::progress);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Until {

    /** Something that returns once per tick (or after {@code max}). */
    public interface Ticks {
        boolean awaitTick(Duration max) throws InterruptedException;
    }

    /**
     * How a wait ended.
     *
     * @param met     the condition held
     * @param outcome the condition's own words when met; else {@code timed out after 3m waiting for ...: <last state>}
     * @param waited  how long it took
     */
    public record Result(boolean met, String outcome, Duration waited) {
    }

    private final Ticks ticks;
    private final Clock clock;

    public Until(Ticks ticks, Clock clock) {
        this.ticks = ticks;
        this.clock = clock;
    }

    /**
     * @param what      what is awaited, for the timeout message
     * @param condition empty while waiting; once met, a phrase saying how
     * @param lastState the state to report when the timeout expires
     */
    public Result await(String what, Duration timeout, Supplier<Optional<String>> condition, Supplier<String> lastState)
            throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        while (true) {
            Optional<String> met = condition.get();
            Instant now = clock.instant();
            if (met.isPresent()) {
                return new Result(true, met.get(), Duration.between(start, now));
            }
            if (!now.isBefore(deadline)) {
                return new Result(false, "timed out after " + Durations.format(timeout) + " waiting for " + what
                        + "; last state: " + lastState.get(), Duration.between(start, now));
            }
            Duration left = Duration.between(now, deadline);
            ticks.awaitTick(left);
        }
    }

    /** Lets {@code duration} pass tick by tick, stopping early when {@code stop} says why. */
    public Result hold(Duration duration, Supplier<Optional<String>> stop) throws InterruptedException {
        Instant start = clock.instant();
        Instant end = start.plus(duration);
        while (true) {
            Optional<String> why = stop.get();
            Instant now = clock.instant();
            if (why.isPresent()) {
                return new Result(false, why.get(), Duration.between(start, now));
            }
            if (!now.isBefore(end)) {
                return new Result(true, "held " + Durations.format(duration), Duration.between(start, now));
            }
            ticks.awaitTick(Duration.between(now, end));
        }
    }
}
