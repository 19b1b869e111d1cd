package dev.squeeze.internal.report.summary;

import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.ReportFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers in the report that must agree with the verdicts: card thresholds, missing latencies, the kubelet's "<". */
class VerdictNumbersTest {

    private static final long MI = 1L << 20;

    @Test
    void the_top_api_card_is_red_below_the_99_5_percent_the_cl2_card_and_isAvailable_use() {
        // GIVEN 184 of 185 fresh ticks ok (99.46%): amber at the old 99.0, failing isAvailable()
        ChaosReport r = ReportFixtures.with(ReportFixtures.evictionScenario(),
                ReportFixtures.api("+".repeat(100) + "-" + "+".repeat(84)), null, null);
        // WHEN
        String html = ReportWriter.toHtml(r);
        // THEN
        assertThat(html).contains("<div class=\"card bad\"><div class=\"card-title\">API server · fresh");
        assertThat(html).contains("<div class=\"card-value\">99.46%</div>").doesNotContain(">99.5%<");
    }

    @Test
    void latencies_of_a_probe_that_never_answered_are_null_not_zero() {
        // GIVEN every API tick failed
        ChaosReport r = ReportFixtures.with(ReportFixtures.evictionScenario(), ReportFixtures.api("-".repeat(20)),
                null, null);
        // WHEN
        String json = ReportWriter.toJson(r).replaceAll("\\s", "");
        // THEN
        assertThat(json).contains("\"latency\":{\"count\":0,\"p50Millis\":null,\"p99Millis\":null,"
                + "\"maxMillis\":null}").doesNotContain("\"p50Millis\":0.0");
    }

    /** The quiet scenario with memory.available at {@code availableBytes} on one PRESSURE tick (+10). */
    private static ChaosReport availableOnce(long availableBytes) {
        ChaosReport quiet = ReportFixtures.quiet(ReportFixtures.hog(HogFate.SURVIVED, "", 512, 1536));
        List<NodeSample> node = new ArrayList<>();
        for (NodeSample s : quiet.node()) {
            node.add(s.at().equals(ReportFixtures.t(10)) ? new NodeSample(s.at(), s.phase(), s.node(), true, false,
                    availableBytes, s.workingSetBytes(), s.leaseRenewed()) : s);
        }
        return ReportFixtures.with(quiet, null, node, null);
    }

    @Test
    void memory_available_counts_as_pressure_below_the_threshold_as_the_kubelet_compares_not_at_it() {
        // GIVEN the eviction threshold is 256Mi (memory.available<256Mi)
        long threshold = ReportFixtures.facts().evictionThresholdBytes();
        assertThat(threshold).isEqualTo(256 * MI);
        // WHEN / THEN
        assertThat(PressureEvidence.first(availableOnce(threshold))).isEmpty();
        assertThat(PressureEvidence.first(availableOnce(threshold - 1))).hasValueSatisfying(s -> assertThat(s)
                .startsWith("memory.available ").contains(" below the eviction threshold 256"));
    }
}
