package dev.squeeze.internal.report.json;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10-minute timeline (1 s ticks, 12 pods) is written and read back whole, and an empty report renders at all. */
class ReportWriterScaleTest {

    static ChaosReport tenMinutes() {
        ChaosReport base = ReportFixtures.evictionScenario();
        List<ApiSample> api = new ArrayList<>();
        List<NodeSample> node = new ArrayList<>();
        List<PodSample> pods = new ArrayList<>();
        for (int s = 0; s < 600; s++) {
            ProbeOutcome ok = ProbeOutcome.success(Duration.ofMillis(5 + s % 7), 200);
            api.add(new ApiSample(t(s), Phase.PRESSURE, s % 97 == 0 ? ProbeOutcome.failure(Duration.ofSeconds(1), "x") : ok, ok));
            node.add(new NodeSample(t(s), Phase.PRESSURE, "k3s-node", true, s % 200 > 150, 500L << 20, 1500L << 20, t(s)));
            for (int p = 0; p < 12; p++) {
                pods.add(new PodSample(t(s), Phase.PRESSURE, "default", "web-" + p, PodRole.WORKLOAD, "Running",
                        (s + p) % 50 != 0, s / 100, null, 100L << 20, Map.of("app", "web")));
            }
        }
        return new ChaosReport("TenMinutes", t(0), t(600), base.cluster(), base.hogSpec(), base.phases(), api, node,
                pods, base.hog(), base.events(), base.http(), base.hogOutcome(), base.notes());
    }

    @Test
    void a_ten_minute_timeline_round_trips_through_its_files(@TempDir Path dir) {
        // GIVEN
        ChaosReport report = tenMinutes();
        // WHEN
        ReportFiles files = ReportWriter.write(report, dir);
        // THEN (a test asserts what was written, never how fast)
        assertThat(ReportReader.read(files.json())).isEqualTo(report);
        assertThat(files.html()).content().contains("<svg", "web-11");
    }

    @Test
    void an_empty_report_renders_a_page_saying_there_is_nothing() {
        String html = ReportWriter.toHtml(ReportFixtures.empty());
        assertThat(html).contains("no samples were recorded", "no node samples were recorded", "No events were recorded.")
                .endsWith("</html>");
    }
}
