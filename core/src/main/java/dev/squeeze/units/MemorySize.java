package dev.squeeze.units;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in bytes, parsed from a Kubernetes quantity.
 *
 * <pre>{@code
 * MemorySize node = MemorySize.parse("2Gi");
 * node.bytes();        // 2147483648
 * node.toQuantity();   // "2Gi"
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public record MemorySize(long bytes) implements Comparable<MemorySize> {

    public static final MemorySize ZERO = new MemorySize(0);

    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?");
    private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti"};

    public MemorySize {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory size must not be negative, but was " + bytes);
        }
    }

    public static MemorySize ofBytes(long bytes) {
        return new MemorySize(bytes);
    }

    public static MemorySize ofMebibytes(long mebibytes) {
        return new MemorySize(Math.multiplyExact(mebibytes, 1L << 20));
    }

    public static MemorySize ofGibibytes(long gibibytes) {
        return new MemorySize(Math.multiplyExact(gibibytes, 1L << 30));
    }

    /**
     * Parses a Kubernetes memory quantity: {@code 512Mi}, {@code 2Gi}, {@code 1500M}, {@code 1G}, {@code 1048576}.
     *
     * @throws IllegalArgumentException with a message that shows an accepted example
     */
    public static MemorySize parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = QUANTITY.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a Kubernetes memory quantity; use a number with an optional suffix"
                            + " Ki, Mi, Gi, Ti (powers of 1024) or k, M, G, T (powers of 1000), such as 512Mi or 2Gi");
        }
        double number = Double.parseDouble(m.group(1));
        long multiplier = multiplier(m.group(2));
        double bytes = number * multiplier;
        if (bytes > Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large a memory quantity");
        }
        return new MemorySize((long) Math.ceil(bytes));
    }

    private static long multiplier(String suffix) {
        if (suffix == null) {
            return 1;
        }
        return switch (suffix) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "k", "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> throw new IllegalStateException(suffix);
        };
    }

    public MemorySize plus(MemorySize other) {
        return new MemorySize(Math.addExact(bytes, other.bytes));
    }

    public MemorySize minus(MemorySize other) {
        return new MemorySize(Math.subtractExact(bytes, other.bytes));
    }

    public MemorySize times(double factor) {
        return new MemorySize((long) Math.floor(bytes * factor));
    }

    public double mebibytes() {
        return bytes / (double) (1L << 20);
    }

    public boolean isZero() {
        return bytes == 0;
    }

    /** The exact Kubernetes quantity, in the largest binary unit that divides it: {@code 1536Mi}, {@code 2Gi}. */
    public String toQuantity() {
        long value = bytes;
        int unit = 0;
        while (unit < BINARY.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + BINARY[unit];
    }

    /** A short human reading, such as {@code 1.5 GiB} or {@code 300.0 MiB}. */
    public String toHuman() {
        if (bytes >= (1L << 30)) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", mebibytes());
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return toQuantity();
    }
}
