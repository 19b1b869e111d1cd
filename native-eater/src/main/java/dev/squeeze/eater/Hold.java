package dev.squeeze.eater;

import dev.squeeze.eater.internal.Durations;
import java.time.Duration;

/**
 * The {@code --hold} argument: how long to keep the memory once filled before releasing it and exiting 0.
 *
 * <pre>{@code
 * Hold.parse("forever");   // Forever[]: until SIGTERM
 * Hold.parse("1h30m");     // For[duration=PT1H30M]
 * Hold.parse("PT30S");     // For[duration=PT30S]
 * }</pre>
 */
public sealed interface Hold permits Hold.Forever, Hold.For {
    /** @return the canonical form: {@code forever} or ISO-8601 such as {@code PT30S} */
    String text();

    /**
     * @param value the {@code --hold} argument
     * @return the hold it asks for
     * @throws UsageException naming {@code --hold}, the value and an example
     */
    static Hold parse(String value) {
        if (value.equals("forever")) {
            return new Forever();
        }
        try {
            return new For(Durations.parse(value));
        } catch (IllegalArgumentException e) {
            throw UsageException.invalid("--hold", value,
                    "a duration such as 30s, 2m, 1h30m, 1500ms or PT30S, or forever", "--hold 2m");
        }
    }

    /** Hold until SIGTERM, SIGINT or SIGHUP. */
    record Forever() implements Hold {
        @Override
        public String text() {
            return "forever";
        }
    }

    /**
     * Hold for a while, then release and exit 0.
     *
     * @param duration not negative; zero releases as soon as the fill is done
     */
    record For(Duration duration) implements Hold {
        @Override
        public String text() {
            return duration.toString();
        }
    }
}
