package dev.squeeze.eater.internal;

/**
 * The absolute schedule of a paced fill: the chunk that starts at byte {@code b} is due {@code b / rate}
 * after the fill began. Internal: no compatibility promise.
 *
 * <pre>{@code
 * Pacer p = new Pacer(200L << 20);          // 200 MiB/s
 * p.dueNanos(0);                            // 0: the first chunk at once
 * p.dueNanos(100L << 20);                   // 500_000_000: 100 MiB in, half a second
 * }</pre>
 *
 * <p>Absolute, not "sleep one period after each chunk": a late wake-up or a slow chunk then delays only
 * itself, the next chunk is due on time, and the fill neither drifts nor accumulates rounding; if the
 * kernel cannot keep up, chunks run back to back until the schedule is met again.
 *
 * @param bytesPerSecond the rate, more than 0
 */
public record Pacer(long bytesPerSecond) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Checks the rate. */
    public Pacer {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be more than 0, but was " + bytesPerSecond);
        }
    }

    /**
     * @param bytesBefore bytes filled before the chunk, that is its offset
     * @return nanoseconds after the fill began at which that chunk is due, rounded down
     */
    public long dueNanos(long bytesBefore) {
        long seconds = bytesBefore / bytesPerSecond;
        long remainder = bytesBefore % bytesPerSecond;
        // remainder * 1e9 overflows a long above ~9 GB/s; as a double it is exact to far below a nanosecond
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND),
                (long) ((double) remainder * NANOS_PER_SECOND / bytesPerSecond));
    }

    /**
     * @param chunkBytes a chunk size
     * @return the time between the starts of two full chunks, rounded down: what one chunk may take
     */
    public long periodNanos(long chunkBytes) {
        return dueNanos(chunkBytes);
    }
}
