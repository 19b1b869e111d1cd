package dev.squeeze.eater.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Kubernetes memory quantities ({@code 512Mi}, {@code 2Gi}, {@code 1500M}, {@code 1.5Gi}, plain bytes) to
 * bytes and back. Internal: no compatibility promise.
 *
 * <pre>{@code
 * Quantities.parse("1.5Gi");          // 1610612736
 * Quantities.format(536870912L);      // "512Mi"
 * Quantities.suggest("3000MB");       // Optional["3000M"]
 * }</pre>
 *
 * <p>Follows {@code k8s.io/apimachinery} {@code resource.Quantity} for the suffixes a memory size uses;
 * fractions round up to a whole byte as Kubernetes does. The exponent form ({@code 1e9}) and milli
 * ({@code m}) are refused: {@code 512m} is 0.512 bytes to Kubernetes and 512 MiB to the JVM and Docker,
 * and a memory hog should not guess which was meant.
 */
public final class Quantities {
    private static final String[] SUFFIXES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "k", "M", "G", "T", "P", "E"};
    private static final long[] MULTIPLIERS = {
        1L << 10, 1L << 20, 1L << 30, 1L << 40, 1L << 50, 1L << 60,
        1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L, 1_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    };

    private Quantities() {
    }

    /**
     * @param text a quantity such as {@code 512Mi}
     * @return its value in bytes, rounded up to a whole byte
     * @throws NumberFormatException if it is not a quantity or does not fit in a {@code long}
     */
    public static long parse(String text) {
        int end = numberEnd(text);
        String number = text.substring(0, end);
        long multiplier = multiplier(text.substring(end));
        if (multiplier == 0 || number.isEmpty() || number.equals(".")) {
            throw new NumberFormatException("not a quantity: '" + text + "'");
        }
        try {
            if (number.indexOf('.') < 0) {
                return Math.multiplyExact(Long.parseLong(number), multiplier);
            }
            // BigDecimal only for fractions: it is the one exact way, and keeps the common path lean
            return new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier))
                    .setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("too large: '" + text + "'");
        }
    }

    /**
     * @param bytes a byte count
     * @return the shortest exact quantity: a binary suffix when one divides, else a decimal one, else bytes
     */
    public static String format(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        for (int i = 5; i >= 0; i--) {
            if (bytes % MULTIPLIERS[i] == 0) {
                return (bytes / MULTIPLIERS[i]) + SUFFIXES[i];
            }
        }
        for (int i = 11; i >= 6; i--) {
            if (bytes % MULTIPLIERS[i] == 0) {
                return (bytes / MULTIPLIERS[i]) + SUFFIXES[i];
            }
        }
        return Long.toString(bytes);
    }

    /**
     * Guesses the quantity meant by a common near miss: {@code 3000MB}, {@code 2GiB}, {@code 512mi},
     * {@code 1g} (JVM and Docker style, binary), {@code 512 Mi}.
     *
     * @param text what was typed
     * @return a valid quantity close to it, if there is an obvious one
     */
    public static Optional<String> suggest(String text) {
        String compact = text.replace(" ", "").replace("_", "");
        int end = numberEnd(compact);
        String number = compact.substring(0, end);
        String suffix = compact.substring(end);
        String fixed;
        if (suffix.length() >= 2 && (suffix.endsWith("B") || suffix.endsWith("b"))) {
            // "MB" is decimal and "MiB" binary, in every convention that writes the B
            String unit = suffix.substring(0, suffix.length() - 1);
            fixed = unit.length() == 2 && (unit.charAt(1) == 'i' || unit.charAt(1) == 'I')
                    ? Character.toUpperCase(unit.charAt(0)) + "i"
                    : unit.equalsIgnoreCase("k") ? "k" : unit.toUpperCase();
        } else if (suffix.length() == 1 && "mgtpe".indexOf(suffix.charAt(0)) >= 0) {
            fixed = Character.toUpperCase(suffix.charAt(0)) + "i";
        } else if (suffix.length() == 2 && (suffix.charAt(1) == 'i' || suffix.charAt(1) == 'I')) {
            fixed = Character.toUpperCase(suffix.charAt(0)) + "i";
        } else {
            fixed = suffix;
        }
        String candidate = number + fixed;
        if (candidate.equals(text) || multiplier(fixed) == 0 || number.isEmpty()) {
            return Optional.empty();
        }
        try {
            parse(candidate);
            return Optional.of(candidate);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int numberEnd(String text) {
        int i = 0;
        boolean dot = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        return i;
    }

    /** @return the multiplier of a suffix, 1 for none, 0 for an unknown one */
    private static long multiplier(String suffix) {
        if (suffix.isEmpty()) {
            return 1;
        }
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (SUFFIXES[i].equals(suffix)) {
                return MULTIPLIERS[i];
            }
        }
        return 0;
    }
}
