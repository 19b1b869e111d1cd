package dev.squeeze.report;

import dev.squeeze.internal.report.json.ReportReader;
import dev.squeeze.internal.report.json.ReportWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's own memory, read from its wall, is written, read back and plotted instead of the host's figure. */
class NodeWallMemoryTest {

    private static final long MI = 1L << 20;
    private static final String SOURCE = "cgroup v1 memory:/squeeze-x usage_in_bytes - total_inactive_file";

    /** The eviction scenario with a kubelet figure of 6.5 GiB (the host's root cgroup) and the wall's 900 MiB. */
    private static ChaosReport hostFigureAndWall() {
        ChaosReport r = ReportFixtures.evictionScenario();
        List<NodeSample> node = r.node().stream()
                .map(s -> new NodeSample(s.at(), s.phase(), s.node(), s.ready(), s.memoryPressure(),
                        s.availableBytes(), 6656 * MI, s.leaseRenewed()).withWall(900 * MI, SOURCE))
                .toList();
        return ReportFixtures.with(r, null, node, null);
    }

    @Test
    void the_wall_reading_and_its_source_round_trip() {
        // GIVEN
        ChaosReport report = hostFigureAndWall();
        // WHEN
        ChaosReport read = ReportReader.fromJson(ReportWriter.toJson(report));
        // THEN
        assertThat(read).isEqualTo(report);
        assertThat(read.node().get(3).wallWorkingSetBytes()).isEqualTo(900 * MI);
        assertThat(read.node().get(3).wallSource()).isEqualTo(SOURCE);
    }

    @Test
    void the_chart_plots_the_wall_and_says_so(@TempDir Path dir) throws Exception {
        // WHEN
        String html = Files.readString(ReportWriter.write(hostFigureAndWall(), dir).html());
        // THEN the chart's scale follows the 2 GiB node, not the host's 6.5 GiB, and the legend names the source
        assertThat(html).contains("node working set (its memory wall&#39;s cgroup)", ">2.5 GiB<")
                .doesNotContain(">6 GiB<", ">7 GiB<", ">8 GiB<");
    }

    @Test
    void without_a_wall_reading_the_kubelet_figure_is_plotted_and_named(@TempDir Path dir) throws Exception {
        // WHEN
        String html = Files.readString(ReportWriter.write(ReportFixtures.evictionScenario(), dir).html());
        // THEN
        assertThat(html).contains("node working set (kubelet /stats/summary)");
    }
}
