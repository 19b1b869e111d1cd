package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;

/**
 * Reads a report back from the JSON {@link ReportWriter} wrote, for example to assert on a report from an earlier run
 * or to re-render it.
 *
 * <pre>{@code
 * ChaosReport report = ReportReader.read(Path.of("target/squeeze-reports/EvictionTest-hogIsEvicted.json"));
 * SqueezeAssertions.assertThat(report).hog().wasEvicted();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportReader {

    private ReportReader() {
    }

    public static ChaosReport read(Path json) {
        try {
            return fromJson(Files.readString(json, StandardCharsets.UTF_8), json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Squeeze report " + json.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    public static ChaosReport fromJson(String json) {
        return fromJson(json, "(string)");
    }

    private static ChaosReport fromJson(String json, String source) {
        try {
            return new JsonDecoder().decode(ReportWriter.mapper().readTree(json), source);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Squeeze report " + source + " is not valid JSON: "
                    + e.getOriginalMessage() + "; was it written by ReportWriter?", e);
        }
    }
}
