package dev.squeeze.junit5.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFiles;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes reports, publishes their paths as JUnit report entries ({@value #JSON_ENTRY}, {@value #HTML_ENTRY}) and the
 * files themselves ({@code ExtensionContext.publishFile}), and
 * points at them ({@value #FAILED_ENTRY}) when a test fails.
 *
 * <pre>{@code
 * Reports.pointAtReports(context); // from a TestExecutionExceptionHandler
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Reports {

    public static final String JSON_ENTRY = "squeeze.report.json";
    public static final String HTML_ENTRY = "squeeze.report.html";
    public static final String FAILED_ENTRY = "squeeze.report.failed";

    private static final Logger LOG = LoggerFactory.getLogger(Reports.class);
    private static final String WRITTEN = "reports";
    private static final MediaType HTML = MediaType.create("text", "html", StandardCharsets.UTF_8);

    private Reports() {
    }

    @SuppressWarnings("deprecation")
    static void publish(ExtensionContext context, ChaosEngine engine, ChaosReport report, ExperimentSpec spec) {
        ReportFiles files = engine.write(report, spec.reportDirectory());
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(JSON_ENTRY, files.json().toAbsolutePath().toString());
        entry.put(HTML_ENTRY, files.html().toAbsolutePath().toString());
        context.publishReportEntry(entry);
        publishFiles(context, files);
        context.getStore(SqueezeRuntime.NAMESPACE)
                .getOrComputeIfAbsent(WRITTEN, key -> new Written(), Written.class).add(files);
        LOG.info("Squeeze report: {}", files.html().toAbsolutePath().toUri());
    }

    /**
     * The report files themselves, through JUnit's file publishing (5.12+): Open Test Reporting and IDEs list them
     * with the test. A launcher without an output directory makes that fail; the reports are on disk all the same.
     */
    private static void publishFiles(ExtensionContext context, ReportFiles files) {
        try {
            context.publishFile(files.json().getFileName().toString(), MediaType.APPLICATION_JSON,
                    target -> Files.copy(files.json(), target));
            context.publishFile(files.html().getFileName().toString(), HTML,
                    target -> Files.copy(files.html(), target));
        } catch (RuntimeException e) {
            LOG.debug("could not publish the report files through JUnit: {}", e.toString());
        }
    }

    /** Called when the test failed: says where each of its reports is, so nobody hunts through target/. */
    public static void pointAtReports(ExtensionContext context) {
        Written written = context.getStore(SqueezeRuntime.NAMESPACE).get(WRITTEN, Written.class);
        if (written == null) {
            return;
        }
        for (ReportFiles files : written.all()) {
            String uri = files.html().toAbsolutePath().toUri().toString();
            LOG.warn("{} failed. Squeeze report: {}", Scopes.describe(context), uri);
            context.publishReportEntry(FAILED_ENTRY, uri);
        }
    }

    private static final class Written {
        private final List<ReportFiles> files = Collections.synchronizedList(new ArrayList<>());

        void add(ReportFiles f) {
            files.add(f);
        }

        List<ReportFiles> all() {
            synchronized (files) {
                return List.copyOf(files);
            }
        }
    }
}
