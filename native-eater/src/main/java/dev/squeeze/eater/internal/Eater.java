package dev.squeeze.eater.internal;

import dev.squeeze.eater.EaterOptions;
import dev.squeeze.eater.ExitStatus;
import dev.squeeze.eater.Hold;
import dev.squeeze.eater.Phase;
import dev.squeeze.eater.ProgressLine;
import dev.squeeze.eater.Rate;
import dev.squeeze.eater.Strategy;
import java.io.PrintStream;

/**
 * One run: map, fill (at once or paced), hold, unmap, reporting all along. Internal: no compatibility promise.
 *
 * <pre>{@code
 * Eater eater = new Eater(options, target.bytes(), facts.pageSize(), reporter, shutdown, System.err);
 * ExitStatus status = eater.run(new Libc());
 * }</pre>
 *
 * <p>Everything happens on the calling thread: the fill, the pacing sleeps, the hold and the once-a-second
 * lines are deadlines of one loop, so there is nothing to synchronise and nothing spins. Signals arrive
 * through {@link Shutdown}, checked between chunks and waking every sleep.
 */
public final class Eater {
    private final EaterOptions options;
    private final long targetBytes;
    private final long pageSize;
    private final Reporter reporter;
    private final Shutdown shutdown;
    private final PrintStream err;
    private Strategy strategy;
    private long touched;

    /**
     * @param options     the command line
     * @param targetBytes the resolved size, a whole number of pages
     * @param pageSize    the page size
     * @param reporter    where progress goes
     * @param shutdown    where signals come from
     * @param err         where human-readable errors and notes go
     */
    public Eater(EaterOptions options, long targetBytes, long pageSize, Reporter reporter, Shutdown shutdown,
                 PrintStream err) {
        this.options = options;
        this.targetBytes = targetBytes;
        this.pageSize = pageSize;
        this.reporter = reporter;
        this.shutdown = shutdown;
        this.err = err;
        this.strategy = options.strategy();
    }

    /**
     * @param libc the linked calls
     * @return {@link ExitStatus#OK} once released, {@link ExitStatus#OS_REFUSED} if a call failed
     */
    public ExitStatus run(Libc libc) {
        long filled;
        if (!shutdown.requested()) {
            try (Mapping mapping = Mapping.map(libc, targetBytes, pageSize)) {
                if (fill(mapping)) {
                    waitUntil(holdDeadline(), Phase.HOLD);
                }
            } catch (NativeCallException e) {
                err.println(e.getMessage());
                reporter.print(new ProgressLine.Failed(reporter.snapshot(touched), e.call(), e.errno(),
                        e.errnoName(), e.getMessage()));
                return ExitStatus.OS_REFUSED;
            } finally {
                filled = touched;
                touched = 0;
            }
        } else {
            filled = 0;
        }
        String reason = shutdown.requested() ? "signal" : "hold-elapsed";
        reporter.print(new ProgressLine.Released(reporter.snapshot(0), reason, filled));
        return ExitStatus.OK;
    }

    /** @return true when all is filled, false when a signal cut it short */
    private boolean fill(Mapping mapping) {
        long chunk = options.chunkBytes();
        Pacer pacer = options.rate() instanceof Rate.Paced p ? new Pacer(p.bytesPerSecond()) : null;
        long begin = System.nanoTime();
        for (long offset = 0; offset < targetBytes; offset += chunk) {
            if (pacer != null && !waitUntil(begin + pacer.dueNanos(offset), Phase.RAMP) || shutdown.requested()) {
                return false;
            }
            long length = Math.min(chunk, targetBytes - offset);
            fillChunk(mapping, offset, length);
            touched = offset + length;
            if (offset == 0 || reporter.isDue(System.nanoTime())) {
                reporter.print(new ProgressLine.Sample(reporter.snapshot(touched), Phase.RAMP));
            }
        }
        long fillNanos = System.nanoTime() - begin;
        reporter.print(new ProgressLine.Filled(reporter.snapshot(touched), fillNanos, strategy));
        return true;
    }

    private void fillChunk(Mapping mapping, long offset, long length) {
        if (strategy == Strategy.POPULATE && !mapping.populate(offset, length)) {
            err.println("madvise(MADV_POPULATE_WRITE) is not supported by this kernel (EINVAL; it needs Linux 5.14+): "
                    + "falling back to --strategy touch.");
            strategy = Strategy.TOUCH;
        }
        if (strategy == Strategy.TOUCH) {
            mapping.touch(offset, length);
        }
        if (options.mlock()) {
            mapping.lock(offset, length);
        }
    }

    /** @return the nanoTime at which the hold ends; {@link Long#MAX_VALUE} for forever */
    private long holdDeadline() {
        if (options.hold() instanceof Hold.For f) {
            try {
                return Math.addExact(System.nanoTime(), f.duration().toNanos());
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;  // ~292 years: forever, for a pod
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * Sleeps until {@code deadline}, printing a {@code phase} line each second meanwhile.
     *
     * @return true at the deadline, false when a signal came first
     */
    private boolean waitUntil(long deadline, Phase phase) {
        while (!shutdown.requested()) {
            long now = System.nanoTime();
            long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - now;
            if (remaining <= 0) {
                return true;
            }
            if (reporter.isDue(now)) {
                reporter.print(new ProgressLine.Sample(reporter.snapshot(touched), phase));
                continue;
            }
            shutdown.sleep(Math.min(remaining, reporter.untilDue(now)));
        }
        return false;
    }
}
