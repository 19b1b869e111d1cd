package dev.squeeze.units;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How fast the memory hog grows: a number of bytes per second, or {@link #MAX} for as fast as the kernel allows.
 *
 * <pre>{@code
 * MemoryRate leak = MemoryRate.parse("50Mi/s");
 * MemoryRate burst = MemoryRate.parse("max");
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public record MemoryRate(long bytesPerSecond) {

    /** No pacing: fill as fast as possible. */
    public static final MemoryRate MAX = new MemoryRate(0);

    public MemoryRate {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative, but was " + bytesPerSecond);
        }
    }

    public static MemoryRate perSecond(MemorySize size) {
        if (size.isZero()) {
            throw new IllegalArgumentException("a rate of 0/s never fills anything; use a positive rate such as 50Mi/s or 'max'");
        }
        return new MemoryRate(size.bytes());
    }

    /** Parses {@code 50Mi/s} or {@code max}. */
    public static MemoryRate parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("max")) {
            return MAX;
        }
        if (!trimmed.endsWith("/s")) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a memory rate; use a quantity per second such as 50Mi/s, or 'max'");
        }
        return perSecond(MemorySize.parse(trimmed.substring(0, trimmed.length() - 2)));
    }

    public boolean isMax() {
        return bytesPerSecond == 0;
    }

    /** The form the eater's {@code --rate} flag takes. */
    public String toArgument() {
        return isMax() ? "max" : MemorySize.ofBytes(bytesPerSecond).toQuantity() + "/s";
    }

    @Override
    public String toString() {
        return toArgument();
    }
}
