package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.units.MemorySize;
import java.util.Locale;

/** Escaping and number formatting shared by the HTML and SVG writers. */
@API(status = INTERNAL, since = "0.1")
public final class Html {

    private Html() {
    }

    /** Escapes text for element content and attribute values alike. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Coordinates with one decimal: enough for a screen, short in the file. */
    static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 0.05) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String bytes(Long bytes) {
        return bytes == null ? "n/a" : MemorySize.ofBytes(Math.max(0, bytes)).toHuman();
    }

    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1L << 30)) + " GiB";
    }
}
