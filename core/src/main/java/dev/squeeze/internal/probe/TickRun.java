package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One probe's run on one tick. Exactly one record of that tick reaches the {@link Observations}: the probe's own,
 * or the sampler's "unobserved" once it gave up waiting at close. Whichever comes first wins; a probe's sample that
 * arrives after the sampler gave up is dropped, so a tick is never counted twice.
 */
@API(status = INTERNAL, since = "0.1")
public final class TickRun {

    private static final ThreadLocal<TickRun> CURRENT = new ThreadLocal<>();
    private static final int RUNNING = 0;
    private static final int DELIVERED = 1;
    private static final int ABANDONED = 2;

    final Probe probe;
    final Tick tick;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    TickRun(Probe probe, Tick tick) {
        this.probe = probe;
        this.tick = tick;
    }

    /** Whether a record made on this thread may be kept: always outside a sampler run; else unless abandoned. */
    static boolean deliver() {
        TickRun run = CURRENT.get();
        return run == null || run.state.compareAndSet(RUNNING, DELIVERED) || run.state.get() == DELIVERED;
    }

    /** The run on this thread, if any. */
    static TickRun current() {
        return CURRENT.get();
    }

    static void enter(TickRun run) {
        CURRENT.set(run);
    }

    static void leave() {
        CURRENT.remove();
    }

    /** Claims the tick for "unobserved"; false when the probe has already recorded it. */
    boolean abandon() {
        return state.compareAndSet(RUNNING, ABANDONED);
    }
}
