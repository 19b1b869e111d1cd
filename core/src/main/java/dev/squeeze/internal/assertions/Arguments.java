package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.time.Duration;

/** Checks of assertion arguments: a threshold that cannot mean anything is a mistake in the test, said at once. */
@API(status = INTERNAL, since = "0.1")
public final class Arguments {

    private Arguments() {
    }

    /** A percentage from 0 to 100 ({@code 99.0} means 99%); NaN, negative and above 100 are refused. */
    public static double percent(String assertion, String name, double value) {
        if (Double.isNaN(value) || value < 0 || value > 100) {
            throw new IllegalArgumentException(assertion + ": `" + name + "` must be a percentage from 0 to 100"
                    + " (99.0 means 99%), but was " + value);
        }
        return value;
    }

    /**
     * A percentage of 0 or more that may exceed 100 ({@code 150.0} allows 1.5 times): overcommit is a choice, so only
     * NaN, infinities and negative values are refused.
     */
    public static double percentOfCapacity(String assertion, String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(assertion + ": `" + name + "` must be a percentage of 0 or more (80.0"
                    + " means 80%, 150.0 allows 1.5 times), but was " + value);
        }
        return value;
    }

    public static int notNegative(String assertion, String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(assertion + ": `" + name + "` must be 0 or more, but was " + value);
        }
        return value;
    }

    public static Duration notNegative(String assertion, String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(assertion + ": `" + name + "` must be a duration of zero or more, such"
                    + " as Duration.ofSeconds(5), but was " + value);
        }
        return value;
    }
}
