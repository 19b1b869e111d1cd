package dev.squeeze.internal.report.json;

import dev.squeeze.internal.report.summary.PsiSummary;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.PressureStall;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pressure stall on recorded ticks: the summary's peak, stall time and counter growth, the JSON, unavailable PSI. */
class PsiReportTest {

    static final String HOST_WIDE = "host-wide /proc/pressure/memory (cgroup v1 has no per-cgroup PSI)";
    static final String EVENTS = "cgroup v1 memory:/squeeze-x memory.oom_control, memory.failcnt";

    /**
     * The eviction scenario (PRESSURE +5..+18, RECOVERY to +66) with a reading per tick: some avg10 climbing to 65% at
     * +17, full half of it, totals growing by s² ms, the OOM killer once at +17, failcnt 10 a second; +10 unreadable.
     */
    static ChaosReport withPsi() {
        ChaosReport r = ReportFixtures.evictionScenario();
        List<NodeSample> node = r.node().stream().map(s -> {
            int sec = (int) ((s.at().toEpochMilli() - t(0).toEpochMilli()) / 1000);
            if (sec == 10) {
                return s.withPsi(PressureStall.unavailable("the wall's pressure files could not be read: EIO"));
            }
            double some = sec >= 5 && sec < 18 ? (sec - 4) * 5.0 : 0.0;
            Map<String, Long> events = new LinkedHashMap<>();
            events.put("oom_kill_disable", 0L);
            events.put("under_oom", sec == 16 ? 1L : 0L);
            events.put("oom_kill", sec >= 17 ? 1L : 0L);
            events.put("failcnt", sec * 10L);
            return s.withPsi(new PressureStall(HOST_WIDE, some, some / 2, 1_000_000L + sec * sec * 1000L,
                    500_000L + sec * sec * 500L, EVENTS, events));
        }).toList();
        return ReportFixtures.with(r, null, node, null);
    }

    @Test
    void the_summary_has_the_peak_during_pressure_the_stall_time_and_the_counters_growth() {
        // WHEN
        PsiSummary psi = PsiSummary.of(withPsi());
        // THEN
        assertThat(psi.available()).isTrue();
        assertThat(psi.hostWide()).isTrue();
        assertThat(psi.source()).isEqualTo(HOST_WIDE);
        assertThat(psi.maxSomeAvg10()).isEqualTo(65.0);
        assertThat(psi.maxSomeAt()).isEqualTo(t(17));
        assertThat(psi.maxFullAvg10()).isEqualTo(32.5);
        // from the last STEADY_STATE tick (+4) to the last RECOVERY tick (+66)
        assertThat(psi.someStallMicros()).isEqualTo((66 * 66 - 4 * 4) * 1000L);
        assertThat(psi.fullStallMicros()).isEqualTo((66 * 66 - 4 * 4) * 500L);
        assertThat(psi.eventDeltas()).containsExactly(Map.entry("oom_kill", 1L), Map.entry("failcnt", 620L));
        assertThat(psi.underOomSeen()).isTrue();
        assertThat(psi.readings()).isEqualTo(66);
    }

    @Test
    void psi_round_trips_per_tick_and_the_summary_is_in_the_target_nodes_entry() {
        // GIVEN
        ChaosReport report = withPsi();
        // WHEN
        String json = ReportWriter.toJson(report);
        ChaosReport read = ReportReader.fromJson(json);
        // THEN
        assertThat(read).isEqualTo(report);
        assertThat(read.node().get(10).psi().someAvg10()).isNull();
        assertThat(read.node().get(17).psi().events()).containsEntry("oom_kill", 1L);
        assertThat(json).contains("\"maxSomeAvg10\" : 65.0", "\"maxFullAvg10\" : 32.5",
                "\"maxSomeAt\" : \"2025-11-27T12:00:17Z\"", "\"someStallMicros\" : 4340000", "\"hostWide\" : true",
                "\"eventDeltas\" : {", "\"oom_kill\" : 1", "\"failcnt\" : 620", "\"underOomSeen\" : true",
                "\"someTotalMicros\" : 1289000");
    }

    @Test
    void a_node_without_psi_says_why_never_zero() {
        // GIVEN an existing cluster's remote node: every tick unavailable
        ChaosReport r = ReportFixtures.evictionScenario();
        ChaosReport remote = ReportFixtures.with(r, null, r.node().stream()
                .map(s -> s.withPsi(PressureStall.unavailable("remote node, no host files"))).toList(), null);
        // WHEN
        PsiSummary psi = PsiSummary.of(remote);
        String json = ReportWriter.toJson(remote);
        // THEN
        assertThat(psi.available()).isFalse();
        assertThat(psi.maxSomeAvg10()).isNull();
        assertThat(psi.someStallMicros()).isNull();
        assertThat(json).contains("\"psi\" : {\n        \"unavailable\" : \"remote node, no host files\"")
                .doesNotContain("\"maxSomeAvg10\"");
        assertThat(ReportReader.fromJson(json)).isEqualTo(remote);
        // and a report written before PSI was sampled
        assertThat(PsiSummary.of(r).unavailable()).isEqualTo(PsiSummary.NOT_SAMPLED);
    }

    @Test
    void the_html_plots_the_stall_under_the_memory_chart_labelled_host_wide(@TempDir Path dir) throws Exception {
        // WHEN
        String html = Files.readString(ReportWriter.write(withPsi(), dir).html());
        // THEN a strip on the 0-100% scale (peak 65%), both series, the source and the peak, the counters' growth
        assertThat(html).contains("aria-label=\"Memory pressure stall (PSI avg10)\"", "class=\"s-psi-some\"",
                "class=\"s-psi-full\"", ">100%<", "<b>host-wide</b> /proc/pressure/memory (cgroup v1 has no per-cgroup PSI)",
                "peak during PRESSURE/HOLD: some 65%, full 32.5%", "oom_kill +1 failcnt +620")
                .doesNotContain("PSI unavailable");
        // and it sits right after the node memory chart, inside its block
        assertThat(html.indexOf("Memory pressure stall")).isGreaterThan(html.indexOf("Node memory over time"))
                .isLessThan(html.indexOf("API server latency"));
    }

    @Test
    void the_html_says_why_psi_is_unavailable(@TempDir Path dir) throws Exception {
        ChaosReport r = ReportFixtures.evictionScenario();
        ChaosReport remote = ReportFixtures.with(r, null, r.node().stream()
                .map(s -> s.withPsi(PressureStall.unavailable("remote node, no host files"))).toList(), null);
        String html = Files.readString(ReportWriter.write(remote, dir).html());
        assertThat(html).contains("PSI unavailable: remote node, no host files").doesNotContain("class=\"s-psi-some\"");
    }
}
