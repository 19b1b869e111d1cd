package dev.squeeze.eater.internal;

import java.util.OptionalLong;

/**
 * Writes one flat JSON object by hand: the eater has no dependencies, and its lines have a handful of
 * fields. Internal: no compatibility promise.
 *
 * <pre>{@code
 * String line = new JsonWriter().string("phase", "hold").number("rssBytes", 123).end();
 * // {"phase":"hold","rssBytes":123}
 * }</pre>
 *
 * <p>Output is pure ASCII (anything else is {@code \}{@code uXXXX}-escaped), so it survives a container whose
 * locale makes {@code System.out} encode as US-ASCII.
 */
public final class JsonWriter {
    private final StringBuilder json = new StringBuilder(256).append('{');

    /**
     * @param name  field name, plain ASCII
     * @param value any text
     * @return this
     */
    public JsonWriter string(String name, String value) {
        name(name).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c == '\n') {
                json.append("\\n");
            } else if (c < 0x20 || c > 0x7e) {
                json.append("\\u");
                String hex = Integer.toHexString(c);
                json.append("0000", hex.length(), 4).append(hex);
            } else {
                json.append(c);
            }
        }
        json.append('"');
        return this;
    }

    /**
     * @param name  field name
     * @param value a number
     * @return this
     */
    public JsonWriter number(String name, long value) {
        name(name).append(value);
        return this;
    }

    /**
     * @param name  field name
     * @param value a number, or empty for {@code null}
     * @return this
     */
    public JsonWriter number(String name, OptionalLong value) {
        if (value.isPresent()) {
            return number(name, value.getAsLong());
        }
        name(name).append("null");
        return this;
    }

    /**
     * @param name  field name
     * @param nanos a duration in nanoseconds, written as milliseconds with three decimals
     * @return this
     */
    public JsonWriter millis(String name, long nanos) {
        long micros = nanos / 1_000;
        name(name).append(micros / 1_000).append('.');
        long fraction = micros % 1_000;
        json.append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction);
        return this;
    }

    /**
     * @param name  field name
     * @param value a boolean
     * @return this
     */
    public JsonWriter bool(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    /** @return the object, closed; no newline */
    public String end() {
        return json.append('}').toString();
    }

    private StringBuilder name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        return json.append('"').append(name).append("\":");
    }
}
