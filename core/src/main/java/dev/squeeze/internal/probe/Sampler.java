package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs every {@link Probe} on a fixed tick. Tick {@code n} is due at {@code origin + n * period} on the monotonic
 * clock, so late wake-ups never accumulate into drift; each probe runs on a worker thread of its own, so a slow probe
 * (a kubelet that does not answer) delays no other. A probe still busy from the previous tick skips this one (counted)
 * unless it allows {@linkplain Probe#overlapping() overlapping} runs.
 *
 * <p>The schedule is the denominator: every probe gets exactly one record per scheduled tick. A tick the sampler
 * missed (it was a whole period late), a tick a busy probe skipped, a run that threw before it recorded anything, and a
 * run still in flight one tick after {@link #close()} are recorded as {@linkplain Probe#unobserved unobserved}, never
 * silently dropped.
 *
 * <!-- sample(Supplier<Phase> phase, Probe api, Probe node, Probe pods) -->
 * <pre>{@code
 * try (Sampler sampler = Sampler.start(Duration.ofSeconds(1), phase, List.of(api, node, pods))) {
 *     sampler.awaitTick(Duration.ofSeconds(2));
 *     Sampler.Stats stats = sampler.stats();
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Sampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);

    private final long periodNanos;
    private final Supplier<Phase> phase;
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final Map<Probe, AtomicBoolean> busy = new ConcurrentHashMap<>();
    private final java.util.Set<TickRun> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> skipped = new ConcurrentHashMap<>();
    private final TickClock clock;
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ticked = lock.newCondition();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong maxLatenessNanos = new AtomicLong();
    private final AtomicLong totalLatenessNanos = new AtomicLong();
    private Thread thread;

    Sampler(Duration period, Supplier<Phase> phase, List<Probe> probes, TickClock clock, ExecutorService workers) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("`tick` must be positive, such as 1s, but was " + period);
        }
        this.periodNanos = period.toNanos();
        this.phase = phase;
        this.clock = clock;
        this.workers = workers;
        probes.forEach(this::add);
    }

    /** Starts ticking now, on a daemon thread named {@code squeeze-sampler}. */
    public static Sampler start(Duration period, Supplier<Phase> phase, List<Probe> probes) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "squeeze-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Sampler sampler = new Sampler(period, phase, probes, TickClock.SYSTEM, workers);
        sampler.thread = new Thread(sampler::loop, "squeeze-sampler");
        sampler.thread.setDaemon(true);
        sampler.thread.start();
        return sampler;
    }

    /** Adds a probe from the next tick on (the hog's log follower joins once the hog exists). */
    public void add(Probe probe) {
        busy.put(probe, new AtomicBoolean());
        probes.add(probe);
    }

    /** Stops sampling {@code probe} from the next tick on. */
    public void remove(Probe probe) {
        probes.remove(probe);
    }

    /** The schedule: parks until each tick is due and dispatches it; returns once {@link #close()} stops it. */
    void loop() {
        long origin = clock.nanoTime();
        Instant originWall = clock.now();
        for (long n = 0; running.get(); n++) {
            long due = origin + n * periodNanos;
            try {
                clock.parkUntil(due);
            } catch (InterruptedException e) {
                return;
            }
            if (!running.get()) {
                return;
            }
            long now = clock.nanoTime();
            if (now - due >= periodNanos) {
                // a whole tick behind (a stopped JVM, a starved machine): skip to the current slot, never burst
                long behind = (now - due) / periodNanos;
                missed.addAndGet(behind);
                Phase current = phase.get();
                for (long k = n; k < n + behind; k++) {
                    Tick lost = new Tick(k, originWall.plusNanos(k * periodNanos), current, Duration.ZERO);
                    probes.forEach(p -> unobserved(p, lost, "missed: the sampler ran " + (behind) + " ticks late"
                            + " (the test JVM itself was starved or stopped)"));
                }
                n += behind;
                due = origin + n * periodNanos;
            }
            long lateness = now - due;
            maxLatenessNanos.accumulateAndGet(lateness, Math::max);
            totalLatenessNanos.addAndGet(lateness);
            dispatch(new Tick(n, originWall.plusNanos(n * periodNanos), phase.get(), Duration.ofNanos(lateness)));
        }
    }

    private void dispatch(Tick tick) {
        for (Probe probe : probes) {
            AtomicBoolean inFlight = busy.get(probe);
            if (!probe.overlapping() && !inFlight.compareAndSet(false, true)) {
                skipped.computeIfAbsent(probe.name(), k -> new AtomicInteger()).incrementAndGet();
                LOG.debug("probe {} skipped tick {}: its previous run is still going", probe.name(), tick.index());
                unobserved(probe, tick, "skipped: the previous " + probe.name() + " sample was still in flight");
                continue;
            }
            TickRun run = new TickRun(probe, tick);
            this.inFlight.add(run);
            try {
                workers.execute(() -> run(run, inFlight));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                this.inFlight.remove(run);
                inFlight.set(false);
                unobserved(probe, tick, "in flight at close: sampling stopped before the sample started");
            }
        }
        lock.lock();
        try {
            ticks.incrementAndGet();
            ticked.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run(TickRun run, AtomicBoolean inFlight) {
        Probe probe = run.probe;
        Tick tick = run.tick;
        TickRun.enter(run);
        String failed = null;
        try {
            probe.sample(tick);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // probes record failures as observations; what escapes is worth seeing, but never fatal, and not
            // after close (the client a probe was using is being closed under it)
            if (running.get()) {
                LOG.warn("probe {} failed on tick {}: {}", probe.name(), tick.index(), e.toString());
            }
            failed = "probe failed: " + e;
        } finally {
            TickRun.leave();
            // the tick stays in the denominator: unobserved, unless the probe recorded it before it threw
            if (failed != null && run.abandon()) {
                unobserved(probe, tick, failed);
            }
            inFlight.set(false);
            this.inFlight.remove(run);
            lock.lock();
            try {
                ticked.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static void unobserved(Probe probe, Tick tick, String reason) {
        try {
            probe.unobserved(tick, reason);
        } catch (RuntimeException e) {
            LOG.warn("probe {} could not record unobserved tick {}: {}", probe.name(), tick.index(), e.toString());
        }
    }

    /**
     * Waits for the next tick, at most {@code max}; the experiment's phase loop evaluates its conditions once per tick.
     *
     * @return whether a tick happened
     */
    public boolean awaitTick(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long seen = ticks.get();
            long left = max.toNanos();
            while (ticks.get() == seen && left > 0) {
                left = ticked.awaitNanos(left);
            }
            return ticks.get() != seen;
        } finally {
            lock.unlock();
        }
    }

    /** Tick bookkeeping so far: how many, how late, and which probes had to skip ticks. */
    public Stats stats() {
        long n = ticks.get();
        Map<String, Integer> skips = new java.util.TreeMap<>();
        skipped.forEach((k, v) -> skips.put(k, v.get()));
        return new Stats(n, missed.get(), Duration.ofNanos(maxLatenessNanos.get()),
                Duration.ofNanos(n == 0 ? 0 : totalLatenessNanos.get() / n), skips);
    }

    /**
     * Stops ticking, waits up to one tick for the samples still in flight, and records those that did not come in as
     * unobserved (a late answer is then dropped: the tick has its record). Probes hold no resources beyond their own
     * timeouts, so the rest are abandoned.
     */
    @Override
    public void close() {
        if (!running.getAndSet(false)) {
            return;
        }
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        TickRun self = TickRun.current();
        // real time, not the tick clock: this waits for real threads
        long deadline = System.nanoTime() + periodNanos;
        lock.lock();
        try {
            while (inFlight.stream().anyMatch(r -> r != self) && System.nanoTime() - deadline < 0) {
                ticked.awaitNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        TickRun.leave();
        for (TickRun run : List.copyOf(inFlight)) {
            if (run != self && run.abandon()) {
                unobserved(run.probe, run.tick, "in flight at close: no answer within one tick after sampling stopped");
            }
        }
        if (self != null) {
            TickRun.enter(self);
        }
        workers.shutdownNow();
    }

    /**
     * What the schedule achieved.
     *
     * @param ticks        ticks dispatched
     * @param missedTicks  ticks skipped because the sampler itself was a whole period late
     * @param maxLateness  the worst dispatch delay after a tick was due (the sampler's jitter)
     * @param meanLateness the mean dispatch delay
     * @param skipped      per probe name, ticks it skipped because its previous run was still going
     */
    public record Stats(long ticks, long missedTicks, Duration maxLateness, Duration meanLateness,
                        Map<String, Integer> skipped) {
        public Stats {
            skipped = Map.copyOf(skipped);
        }
    }
}
