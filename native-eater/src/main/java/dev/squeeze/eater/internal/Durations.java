package dev.squeeze.eater.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Hold durations: {@code 30s}, {@code 2m}, {@code 1h30m}, {@code 1500ms}, {@code 1d}, {@code 0}, or
 * ISO-8601 ({@code PT30S}). Internal: no compatibility promise.
 *
 * <pre>{@code
 * Durations.parse("1h30m");   // PT1H30M
 * Durations.parse("PT30S");   // PT30S
 * }</pre>
 *
 * <p>A bare number other than 0 is refused: seconds or milliseconds would be a guess.
 */
public final class Durations {
    private Durations() {
    }

    /**
     * @param text a duration as above
     * @return the duration, never negative
     * @throws IllegalArgumentException if it is not one
     */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                Duration iso = Duration.parse(text);
                if (iso.isNegative()) {
                    throw new IllegalArgumentException("negative: '" + text + "'");
                }
                return iso;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not ISO-8601: '" + text + "'", e);
            }
        }
        return compound(text);
    }

    private static Duration compound(String text) {
        Duration total = Duration.ZERO;
        int i = 0;
        while (i < text.length()) {
            int digits = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            int letters = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (digits == letters || letters == i) {
                throw new IllegalArgumentException("not a duration: '" + text + "'");
            }
            try {
                total = total.plus(unit(Long.parseLong(text.substring(digits, letters)), text.substring(letters, i)));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("too long: '" + text + "'", e);
            }
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        return total;
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
        };
    }
}
