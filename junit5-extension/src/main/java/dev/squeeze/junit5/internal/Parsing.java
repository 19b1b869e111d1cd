package dev.squeeze.junit5.internal;

import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.internal.units.Durations;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses annotation strings into typed values once, at the edge. A value that does not parse is recorded in
 * {@link Problems} and comes back empty, so reading goes on and every mistake is reported together.
 */
final class Parsing {

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final String QUANTITY = "must be a Kubernetes quantity such as 512Mi or 2Gi";
    private static final String QUANTITY_FIX = "write a number with Ki, Mi, Gi (powers of 1024) or k, M, G"
            + " (powers of 1000), such as 512Mi or 2Gi";

    private final Subject subject;
    private final Problems problems;

    Parsing(Subject subject, Problems problems) {
        this.subject = subject;
        this.problems = problems;
    }

    Optional<MemorySize> quantity(String attribute, String raw) {
        return parse(raw, MemorySize::parse, attribute, QUANTITY, Fixes.quantity(raw), QUANTITY_FIX);
    }

    /** {@code ""} means unset and gives {@link MemorySize#ZERO}. */
    Optional<MemorySize> optionalQuantity(String attribute, String raw) {
        return raw.isBlank() ? Optional.of(MemorySize.ZERO) : quantity(attribute, raw);
    }

    Optional<Duration> duration(String attribute, String raw) {
        return parse(raw, Durations::parse, attribute, "must be a duration such as 30s, 2m or 1m30s",
                Fixes.duration(raw), "write a whole number with ms, s, m or h, such as 30s or 2m");
    }

    Optional<MemoryRate> rate(String attribute, String raw) {
        List<String> guesses = Fixes.rate(raw).stream().filter(g -> !g.equals(raw.trim()) && !g.startsWith("0/"))
                .toList();
        return parse(raw, MemoryRate::parse, attribute, "must be a positive memory rate such as 100Mi/s, or max",
                guesses, "write a quantity per second such as 50Mi/s, or max for no pacing");
    }

    /** {@code 1500Mi} (absolute) or {@code 120%} (of {@code basis}). */
    Optional<HogSize> hogSize(String attribute, String raw, SizeBasis basis) {
        Matcher percent = PERCENT.matcher(raw.trim());
        if (percent.matches()) {
            return Optional.of(HogSize.percentOf(Double.parseDouble(percent.group(1)), basis));
        }
        return parse(raw, MemorySize::parse, attribute,
                "must be a Kubernetes quantity such as 1500Mi or a percentage such as 120%",
                Fixes.quantity(raw), QUANTITY_FIX + ", or a percentage such as 120%").map(HogSize::of);
    }

    private <T> Optional<T> parse(String raw, Function<String, T> parser, String attribute, String expected,
                                  List<String> guesses, String genericFix) {
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException | ArithmeticException e) {
            String fix = guesses.isEmpty() ? genericFix : subject.assign(attribute, guesses);
            problems.add(subject.attr(attribute), expected, raw, fix);
            return Optional.empty();
        }
    }
}
