package dev.squeeze.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportRenderTest {

    @Test
    void writes_a_self_contained_page_with_all_charts(@TempDir Path dir) throws Exception {
        // GIVEN
        ChaosReport report = ReportFixtures.evictionScenario();
        // WHEN
        ReportFiles files = ReportWriter.write(report, dir);
        // THEN
        String html = Files.readString(files.html());
        assertThat(files.html().getFileName()).hasToString("EvictionTest-bestEffortHogIsEvicted.html");
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("Node memory", "API server latency", "Pod readiness", "Workload HTTP probe")
                .contains("EVICTED", "eviction threshold 256.0 MiB", "web-6f7c-abc", "starved_resource=memory")
                .doesNotContain("<script", "src=\"http", "href=\"http", "@import", "url(");
        String out = System.getProperty("squeeze.sampleReportDir");
        if (out != null) {
            ReportWriter.write(report, Path.of(out));
        }
    }
}
