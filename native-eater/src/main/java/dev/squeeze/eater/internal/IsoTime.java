package dev.squeeze.eater.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats an instant as ISO-8601 UTC with microseconds, always six digits: {@code 2025-11-27T20:42:40.123456Z}.
 * Internal: no compatibility promise.
 *
 * <pre>{@code
 * IsoTime.format(Instant.parse("2025-11-27T20:42:40.5Z"));   // "2025-11-27T20:42:40.500000Z"
 * }</pre>
 *
 * <p>By hand rather than {@link Instant#toString()}: that one initialises {@code DateTimeFormatter} and its
 * builders, milliseconds spent before the first mmap, and it trims the fraction to a varying width.
 */
public final class IsoTime {
    private IsoTime() {
    }

    /**
     * @param instant a time between years 0 and 9999
     * @return it in ISO-8601, UTC, microsecond precision
     */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(27);
        pad(text, utc.getYear(), 4).append('-');
        pad(text, utc.getMonthValue(), 2).append('-');
        pad(text, utc.getDayOfMonth(), 2).append('T');
        pad(text, utc.getHour(), 2).append(':');
        pad(text, utc.getMinute(), 2).append(':');
        pad(text, utc.getSecond(), 2).append('.');
        return pad(text, instant.getNano() / 1_000, 6).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
