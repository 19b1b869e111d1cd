package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.internal.report.html.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report as {@code <name>.json} (schema: {@code dev/squeeze/report/report-schema.md} in this jar) and as one
 * self-contained {@code <name>.html} with inline SVG charts, which opens offline in any browser.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * ReportFiles files = ReportWriter.write(report, Path.of("target", "squeeze-reports"));
 * ChaosReport again = ReportReader.read(files.json());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReportWriter() {
    }

    /** Writes both files into {@code directory} (created if missing), named after the report. */
    public static ReportFiles write(ChaosReport report, Path directory) {
        String stem = fileStem(report.name());
        Path json = directory.resolve(stem + ".json");
        Path html = directory.resolve(stem + ".html");
        try {
            Files.createDirectories(directory);
            Files.writeString(json, toJson(report), StandardCharsets.UTF_8);
            Files.writeString(html, toHtml(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Squeeze report '" + report.name() + "' to "
                    + directory.toAbsolutePath() + ": " + e.getMessage()
                    + "; check that the directory is writable or choose another report directory", e);
        }
        return new ReportFiles(json, html);
    }

    /** The report as pretty-printed JSON. */
    public static String toJson(ChaosReport report) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new JsonEncoder(MAPPER).encode(report));
    }

    /** The report as one self-contained HTML page. */
    public static String toHtml(ChaosReport report) {
        return HtmlReport.render(report);
    }

    /**
     * A file name stem from a report name: letters, digits, {@code . _ -} kept, runs of anything else become one
     * {@code -}; {@code "EvictionTest#hogIsEvicted()"} becomes {@code "EvictionTest-hogIsEvicted"}.
     */
    public static String fileStem(String name) {
        String stem = (name == null ? "" : name).replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (stem.length() > 120) {
            stem = stem.substring(0, 120);
        }
        return stem.isEmpty() ? "squeeze-report" : stem;
    }

    static JsonMapper mapper() {
        return MAPPER;
    }
}
