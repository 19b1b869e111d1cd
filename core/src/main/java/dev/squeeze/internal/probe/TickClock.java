package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The time source of the {@link Sampler}: a monotonic clock to schedule on and a way to park until a moment on it.
 * The system one is the default; tests pass a fake one to check the schedule without waiting.
 */
@API(status = INTERNAL, since = "0.1")
public interface TickClock {

    /** Monotonic nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall clock, for sample timestamps. */
    Instant now();

    /** Parks until {@link #nanoTime()} reaches {@code deadline} (or the thread is interrupted). */
    void parkUntil(long deadline) throws InterruptedException;

    TickClock SYSTEM = new TickClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void parkUntil(long deadline) throws InterruptedException {
            // a scheduled tick, not a condition: parking until the tick's due time is the schedule itself
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    };
}
