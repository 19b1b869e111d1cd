package dev.squeeze.internal.report.summary;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeHistoryTest {

    @Test
    void the_scenario_shows_pressure_from_14_to_48_and_the_lowest_memory() {
        // GIVEN / WHEN
        List<NodeHistory> nodes = NodeHistory.of(ReportFixtures.evictionScenario());
        // THEN
        assertThat(nodes).singleElement().satisfies(n -> {
            assertThat(n.pressureFirstSeen()).contains(t(14));
            assertThat(n.pressureCleared()).contains(t(48));
            assertThat(n.flapped()).isFalse();
            assertThat(n.clearedAndStayedClear()).isTrue();
            assertThat(n.stayedReady()).isTrue();
            assertThat(n.minAvailableBytes()).isEqualTo(168L << 20);
            assertThat(n.leaseMaxGap()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void flapping_pressure_still_set_at_the_end_has_not_recovered() {
        // GIVEN pressure pattern: - P P - P P (ends set) and NotReady at 3
        String pressure = "-PP-PP";
        List<NodeSample> samples = new ArrayList<>();
        for (int i = 0; i < pressure.length(); i++) {
            samples.add(new NodeSample(t(i), Phase.PRESSURE, "n1", i != 3, pressure.charAt(i) == 'P', null, null,
                    i < 2 ? t(0) : null));
        }
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, samples, null);
        // WHEN
        NodeHistory n = NodeHistory.of(report).get(0);
        // THEN
        assertThat(n.pressureSpans()).containsExactly(new TimeSpan(t(1), t(3), false), new TimeSpan(t(4), t(5), true));
        assertThat(n.flapped()).isTrue();
        assertThat(n.pressureCleared()).isEmpty();
        assertThat(n.clearedAndStayedClear()).isFalse();
        assertThat(n.notReadySpans()).containsExactly(new TimeSpan(t(3), t(4), false));
        assertThat(n.minAvailableBytes()).isNull();
        // the Lease was renewed at +0 and last read at +1; the failed reads after that say nothing about renewals
        assertThat(n.leaseMaxGap()).isEqualTo(Duration.ofSeconds(1));
    }

    /** A Lease renewed every 10 s (or last at +10), read every second; the reads from failFrom to failTo fail. */
    private static List<NodeSample> leaseReads(int failFrom, int failTo, boolean kubeletStopsAt10) {
        List<NodeSample> samples = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            int renewed = kubeletStopsAt10 && i >= 10 ? 10 : i / 10 * 10;
            samples.add(new NodeSample(t(i), Phase.PRESSURE, "n1", true, false, null, null,
                    i >= failFrom && i <= failTo ? null : t(renewed)));
        }
        return samples;
    }

    @Test
    void failed_lease_reads_are_no_missed_renewals() {
        // GIVEN the kubelet renews every 10 s, but the Lease reads from +6 to +45 time out
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, leaseReads(6, 45, false),
                null);
        // WHEN
        NodeHistory n = NodeHistory.of(report).get(0);
        // THEN not 40 s from +0 to the +40 read at +46: reads showed +0 up to +5 only, and +40 to +50 in full
        assertThat(n.leaseMaxGap()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void a_kubelet_that_stops_renewing_shows_the_gap_up_to_the_last_read() {
        // GIVEN the kubelet's last renewal at +10, reads failing from +30 to +45 and showing +10 again after
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, leaseReads(30, 45, true),
                null);
        // WHEN
        NodeHistory n = NodeHistory.of(report).get(0);
        // THEN
        assertThat(n.leaseMaxGap()).isEqualTo(Duration.ofSeconds(50));
        assertThat(n.leaseMaxGapEnd()).isEqualTo(t(60));
    }
}
