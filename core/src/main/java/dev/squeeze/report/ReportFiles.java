package dev.squeeze.report;

import java.nio.file.Path;

/**
 * Where {@link ReportWriter} put a report.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * ReportFiles files = ReportWriter.write(report, Path.of("target/squeeze-reports"));
 * System.out.println("Squeeze report: " + files.html().toUri());
 * }</pre>
 *
 * @param json the machine-readable report (schema in {@code dev/squeeze/report/report-schema.md})
 * @param html the self-contained HTML report with charts
 */
public record ReportFiles(Path json, Path html) {
}
