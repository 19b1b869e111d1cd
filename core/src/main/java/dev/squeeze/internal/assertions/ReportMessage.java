package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * Base of Squeeze's AssertJ error message factories: every message ends with the report it came from, and text
 * arguments are shown as prose (AssertJ would otherwise quote them).
 */
@API(status = INTERNAL, since = "0.1")
public abstract class ReportMessage extends BasicErrorMessageFactory {

    /** How many evidence lines a message shows before it says how many more there were. */
    static final int MAX_LINES = 12;

    /** What {@code %n} becomes in the format, for line breaks inside arguments. */
    static final String NL = System.lineSeparator();

    ReportMessage(String format, String report, Object... arguments) {
        super(format + "%nReport: %s", withReport(arguments, report));
    }

    private static Object[] withReport(Object[] arguments, String report) {
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = report;
        for (int i = 0; i < all.length; i++) {
            if (all[i] instanceof String s) {
                all[i] = unquotedString(s);
            }
        }
        return all;
    }

    /** Evidence lines, each indented two spaces, capped at {@link #MAX_LINES}. */
    static String lines(List<String> lines) {
        if (lines.isEmpty()) {
            return "  (none)";
        }
        String shown = lines.stream().limit(MAX_LINES).map(l -> "  " + l).collect(Collectors.joining(NL));
        return lines.size() > MAX_LINES ? shown + NL + "  ... and " + (lines.size() - MAX_LINES) + " more" : shown;
    }

    /** A byte count as people read it, such as 1.5Gi; a negative count as 0. */
    public static String human(long bytes) {
        return dev.squeeze.units.MemorySize.ofBytes(Math.max(0, bytes)).toHuman();
    }

    /** A ratio (1.0 = 100%) as a percentage with one decimal. */
    public static String percent(double ratio) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
