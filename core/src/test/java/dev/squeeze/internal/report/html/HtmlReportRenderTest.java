package dev.squeeze.internal.report.html;

import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.report.ReportFixtures;
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
                .contains("Valid run: memory pressure was applied", "Phases: all four completed",
                        "node k3s-node</td><td>67 / 67")
                .doesNotContain("<script", "src=\"http", "href=\"http", "@import", "url(");
        String out = System.getProperty("squeeze.sampleReportDir");
        if (out != null) {
            ReportWriter.write(report, Path.of(out));
        }
    }

    @Test
    void shows_the_resource_audit_with_its_bar_and_one_row_per_pod(@TempDir Path dir) throws Exception {
        ReportFiles files = ReportWriter.write(ReportFixtures.evictionScenario(), dir);
        String html = java.nio.file.Files.readString(files.html());
        org.assertj.core.api.Assertions.assertThat(html).contains("<section id=\"resources\">")
                .contains("limits 33.3% of allocatable, requests 16.7%")
                .contains("<td>sidecar</td><td>k3s-node</td><td>BestEffort</td><td>0.0 MiB</td><td>none on tail</td>")
                .contains("<title>allocatable 1.50 GiB</title>")
                // capacity 24Gi (a node in a container reports the host) is named, not drawn: it would shrink the bars
                .contains("capacity (off the scale) 24.00 GiB").doesNotContain("<title>capacity");
    }

    @Test
    void an_invalid_run_says_so_at_the_top_with_its_coverage(@TempDir Path dir) throws Exception {
        // GIVEN a hog far below its target on a quiet node, and the node unobserved from +30 to +35
        ChaosReport report = ReportFixtures.nodeUnobserved(ReportFixtures.quiet(ReportFixtures.hog(HogFate.SURVIVED,
                "", 180, 1500)), 30, 35, "the API server did not answer in 2s");
        // WHEN
        String html = Files.readString(ReportWriter.write(report, dir).html());
        // THEN the banner comes before the cards
        assertThat(html).contains("NOT A VALID RUN", "no pressure was applied: the hog reached 180.0 MiB of 1.46 GiB"
                        + " (12%)", "node k3s-node</td><td>61 / 67</td><td>91.0%",
                        "+00:30 to +00:36 (6.0 s, 6 ticks, in RECOVERY): the API server did not answer in 2s");
        assertThat(html.indexOf("NOT A VALID RUN")).isLessThan(html.indexOf("class=\"cards\""));
        String out = System.getProperty("squeeze.sampleReportDir");
        if (out != null) {
            ReportWriter.write(report, Path.of(out));
        }
    }
}
