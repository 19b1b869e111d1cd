package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.HogSample;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One progress line of the native eater (its stdout schema, see the eater's {@code ProgressLine}):
 * {@code {"t":"2025-11-27T20:42:40.243011Z","elapsedMs":203,"phase":"ramp","targetBytes":268435456,"touchedBytes":1048576,"rssBytes":47185920}}.
 * Unknown fields are ignored (the schema only grows); lines that are not such JSON (the JVM's own stderr) are not
 * progress lines.
 *
 * <!-- sample(String line, Observations observations) -->
 * <pre>{@code
 * EaterLine.parse(line).map(EaterLine::toSample).ifPresent(observations::add);
 * }</pre>
 *
 * @param t            the eater's wall clock
 * @param elapsedMs    since the eater started (monotonic): orders lines and tells them apart
 * @param phase        start, ramp, hold, released or failed
 * @param rssBytes     VmRSS, 0 when the eater could not read it
 * @param error        for a {@code failed} line, the failed call and errno ({@code mmap: ENOMEM ...}); else {@code ""}
 */
@API(status = INTERNAL, since = "0.1")
public record EaterLine(Instant t, long elapsedMs, String phase, long targetBytes, long touchedBytes, long rssBytes,
                        String error) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The line as a progress line, or empty when it is not one. */
    public static Optional<EaterLine> parse(String line) {
        String text = line == null ? "" : line.strip();
        if (!text.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        JsonNode phase = node.path("phase");
        if (!phase.isString() || !node.path("elapsedMs").isNumber()) {
            return Optional.empty();
        }
        String error = "";
        if ("failed".equals(phase.asString())) {
            error = node.path("call").asString("?") + ": " + node.path("errnoName").asString("")
                    + " " + node.path("error").asString("");
        }
        return Optional.of(new EaterLine(time(node.path("t")), node.path("elapsedMs").asLong(), phase.asString(),
                node.path("targetBytes").asLong(0), node.path("touchedBytes").asLong(0),
                node.path("rssBytes").isNumber() ? node.path("rssBytes").asLong() : 0, error.strip()));
    }

    private static Instant time(JsonNode t) {
        if (t.isString()) {
            try {
                return Instant.parse(t.asString());
            } catch (DateTimeParseException e) {
                return Instant.now();
            }
        }
        return t.isNumber() ? Instant.ofEpochMilli(t.asLong()) : Instant.now();
    }

    public HogSample toSample() {
        return new HogSample(t, phase, targetBytes, touchedBytes, rssBytes);
    }

    /** The eater filled its whole target and holds it. */
    public boolean holding() {
        return "hold".equals(phase);
    }
}
