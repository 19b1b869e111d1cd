package dev.squeeze.junit5.internal;

import dev.squeeze.units.MemorySize;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses what a user meant by a value Squeeze cannot parse, so the message can show the corrected value instead of
 * only the grammar. Returns an empty list when there is no confident guess.
 */
final class Fixes {

    private static final Pattern BYTE_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtT])(i?)[bB]?");
    private static final Pattern DURATION_WORD =
            Pattern.compile("(\\d+)\\s*(ms|millis|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)");
    private static final Pattern FRACTION_MINUTES = Pattern.compile("(\\d+\\.\\d+)\\s*(m|mins?|minutes?)");

    private Fixes() {
    }

    /** {@code 3000MB} → {@code [3000M, 2861Mi]}; {@code 2GiB} → {@code [2Gi]}; {@code 512 mi} → {@code [512Mi]}. */
    static List<String> quantity(String raw) {
        Matcher m = BYTE_UNIT.matcher(raw.trim());
        if (!m.matches()) {
            return List.of();
        }
        String number = m.group(1);
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        if (!m.group(3).isEmpty()) {
            return List.of(number + unit + "i");
        }
        String decimal = number + (unit.equals("K") ? "k" : unit);
        long mebibytes = MemorySize.parse(decimal).bytes() >> 20;
        return mebibytes > 0 ? List.of(decimal, mebibytes + "Mi") : List.of(decimal);
    }

    /** {@code 30} → {@code 30s}; {@code 2min} → {@code 2m}; {@code 1.5m} → {@code 90s}; {@code -5s} → {@code 5s}. */
    static List<String> duration(String raw) {
        String text = raw.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("-")) {
            return List.of(text.substring(1).trim());
        }
        if (text.matches("\\d+")) {
            return List.of(text + "s");
        }
        Matcher fraction = FRACTION_MINUTES.matcher(text);
        if (fraction.matches()) {
            return List.of(Math.round(Double.parseDouble(fraction.group(1)) * 60) + "s");
        }
        Matcher word = DURATION_WORD.matcher(text);
        if (word.matches()) {
            String unit = word.group(2);
            String suffix = unit.startsWith("ms") || unit.startsWith("milli") ? "ms" : unit.substring(0, 1);
            return List.of(word.group(1) + suffix);
        }
        return List.of();
    }

    /** {@code 100Mi} → {@code [100Mi/s]}; {@code 100MB/s} → {@code [100M/s, 95Mi/s]}. */
    static List<String> rate(String raw) {
        String text = raw.trim();
        String perSecond = text.endsWith("/s") ? text.substring(0, text.length() - 2) : text;
        try {
            MemorySize.parse(perSecond);
            return List.of(perSecond + "/s");
        } catch (IllegalArgumentException notAQuantity) {
            return quantity(perSecond).stream().map(q -> q + "/s").toList();
        }
    }
}
