package dev.squeeze.internal.report.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.internal.report.html.HtmlReport;
import dev.squeeze.internal.report.json.ReportReader;
import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import dev.squeeze.report.WallLimits;
import org.junit.jupiter.api.Test;

/** The node's memory wall as read back: hard or soft in the validity header, the HTML page and the JSON. */
class WallValidityTest {

    private static final long TWO_GI = 2L << 30;

    private static ChaosReport withWall(WallLimits wall) {
        ChaosReport r = ReportFixtures.evictionScenario();
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster().withWall(wall), r.hogSpec(), r.phases(),
                r.api(), r.node(), r.pods(), r.hog(), r.events(), r.http(), r.hogOutcome(), r.notes(),
                r.clusterNodes(), r.otherNodes());
    }

    @Test
    void aWallSwapLeaksThroughIsSoftWithTheReasonInTheHeaderHtmlAndJson() {
        // GIVEN a node on a v1 host without swapaccount=1 and 2 GiB of swap, run ACCOUNTING_ONLY-free (read back soft)
        WallLimits soft = WallLimits.judge(TWO_GI, null, false, 2L << 30, 0, "cgroup v1 test");
        ChaosReport report = withWall(soft);

        // WHEN judged, rendered and written
        Validity v = Validity.of(report);
        String html = HtmlReport.render(report);
        String json = ReportWriter.toJson(report).replaceAll("\\s", "");

        // THEN the wall is soft, with the reason, everywhere
        assertThat(v.softWall()).isTrue();
        assertThat(v.wall()).startsWith("soft: the host has 2Gi of swap and the kernel does not account swap");
        assertThat(html).contains("Memory wall: soft: the host has 2Gi of swap");
        assertThat(json).contains("\"wall\":\"soft:the", "\"hard\":false", "\"swapAccounted\":false",
                "\"hostSwapBytes\":2147483648");
        assertThat(ReportReader.fromJson(ReportWriter.toJson(report))).isEqualTo(report);
    }

    @Test
    void aWallWithoutSwapIsHard() {
        ChaosReport report = withWall(WallLimits.judge(TWO_GI, 0L, true, 0, 0, "cgroup v2 test"));

        Validity v = Validity.of(report);

        assertThat(v.softWall()).isFalse();
        assertThat(v.wall()).isEqualTo("hard: memory 2Gi, swap 0 (the host has no swap) (cgroup v2 test)");
        assertThat(HtmlReport.render(report)).contains("Memory wall: hard: memory 2Gi");
    }

    @Test
    void aReportWithoutAWallReadBackSaysNothingAboutIt() {
        ChaosReport report = ReportFixtures.evictionScenario();

        assertThat(Validity.of(report).wall()).isEmpty();
        assertThat(HtmlReport.render(report)).doesNotContain("Memory wall:");
    }
}
