package dev.squeeze.eater.internal;

import dev.squeeze.eater.ProgressLine;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Prints {@link ProgressLine}s, one flushed line each, and knows when the next one is due. Internal: no
 * compatibility promise.
 *
 * <pre>{@code
 * Reporter r = new Reporter(System.out, System.nanoTime(), new ProcFs(Path.of("/proc")), target);
 * r.print(new ProgressLine.Sample(r.snapshot(touched), Phase.RAMP));
 * r.isDue(System.nanoTime());    // a second since the last line?
 * }</pre>
 */
public final class Reporter {
    /** The longest time between two lines: the contract says at least one a second. */
    public static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final long startNanos;
    private final ProcFs proc;
    private final long targetBytes;
    private long lastLineNanos;

    /**
     * @param out         where the lines go
     * @param startNanos  {@link System#nanoTime()} when main() began, the zero of {@code elapsedMs}
     * @param proc        where VmRSS is read
     * @param targetBytes the resolved size
     */
    public Reporter(PrintStream out, long startNanos, ProcFs proc, long targetBytes) {
        this.out = out;
        this.startNanos = startNanos;
        this.proc = proc;
        this.targetBytes = targetBytes;
    }

    /**
     * @param touchedBytes bytes filled and still mapped
     * @return the common fields, as of now
     */
    public ProgressLine.Snapshot snapshot(long touchedBytes) {
        return new ProgressLine.Snapshot(Instant.now(), (System.nanoTime() - startNanos) / 1_000_000,
                targetBytes, touchedBytes, proc.rssBytes());
    }

    /** @param line written with its newline in one write, then flushed, so a reader never sees half a line */
    public void print(ProgressLine line) {
        out.print(line.toJson() + "\n");
        out.flush();
        lastLineNanos = System.nanoTime();
    }

    /**
     * @param nowNanos {@link System#nanoTime()}
     * @return whether a line is due to keep the once-a-second promise
     */
    public boolean isDue(long nowNanos) {
        return nowNanos - lastLineNanos >= INTERVAL_NANOS;
    }

    /**
     * @param nowNanos {@link System#nanoTime()}
     * @return nanoseconds until a line is due, 0 if it is
     */
    public long untilDue(long nowNanos) {
        return Math.max(0, INTERVAL_NANOS - (nowNanos - lastLineNanos));
    }
}
