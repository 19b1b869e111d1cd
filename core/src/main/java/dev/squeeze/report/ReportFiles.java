package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.json.ReportWriter;
import java.nio.file.Path;

/**
 * Where {@link ReportWriter} put a report; {@code Experiment.reportFiles(spec)} says where an experiment's goes.
 *
 * <!-- sample(ExperimentSpec spec) -->
 * <pre>{@code
 * ReportFiles files = Experiment.reportFiles(spec);
 * System.out.println("Squeeze report: " + files.html().toUri());
 * }</pre>
 *
 * @param json the machine-readable report (schema in {@code dev/squeeze/report/report-schema.md})
 * @param html the self-contained HTML report with charts
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReportFiles(Path json, Path html) {
}
