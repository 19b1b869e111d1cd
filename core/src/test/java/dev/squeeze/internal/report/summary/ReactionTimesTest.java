package dev.squeeze.internal.report.summary;

import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactionTimesTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void reads_each_moment_from_the_first_tick_that_showed_it() {
        // GIVEN pressure from +5, memory.available below 256Mi first at +16 (168Mi), MemoryPressure from +14,
        // the hog evicted at +18, the Lease renewed every 10 s
        // WHEN
        ReactionTimes r = ReactionTimes.of(scenario).get(0);
        // THEN
        assertThat(r.node()).isEqualTo("k3s-node");
        assertThat(r.pressureStart()).isEqualTo(t(5));
        assertThat(r.thresholdBytes()).isEqualTo(256 * ReportFixtures.MI);
        assertThat(r.thresholdCrossed()).isEqualTo(t(16));
        assertThat(r.memoryPressureReported()).isEqualTo(t(14));
        assertThat(r.firstEviction()).isEqualTo(t(18));
        assertThat(r.sincePressureStart(r.thresholdCrossed())).contains(Duration.ofSeconds(11));
        assertThat(r.sincePressureStart(r.memoryPressureReported())).contains(Duration.ofSeconds(9));
        assertThat(r.sincePressureStart(r.firstEviction())).contains(Duration.ofSeconds(13));
        assertThat(r.thresholdToMemoryPressure()).as("MemoryPressure came first: no negative reaction time").isEmpty();
        assertThat(ReactionTimes.step(r.thresholdCrossed(), r.thresholdClock(), r.memoryPressureReported(),
                r.memoryPressureClock())).isEqualTo("2.0 s before");
        assertThat(r.memoryPressureToEviction()).contains(Duration.ofSeconds(4));
        assertThat(r.thresholdToEviction()).contains(Duration.ofSeconds(2));
        assertThat(r.leaseLongestGap()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.leaseLastRenewedBeforeGap()).isEqualTo(t(0));
        assertThat(r.leaseMargin()).contains(Duration.ofSeconds(40));
    }

    @Test
    void a_stalled_lease_shows_how_close_the_node_came_to_unknown() {
        // GIVEN the Lease not renewed after +20 until the end at +66
        List<NodeSample> node = scenario.node().stream().map(s -> new NodeSample(s.at(), s.phase(), s.node(),
                s.ready(), s.memoryPressure(), s.availableBytes(), s.workingSetBytes(),
                s.at().isAfter(t(20)) ? t(20) : s.leaseRenewed())).toList();
        // WHEN
        ReactionTimes r = ReactionTimes.of(ReportFixtures.with(scenario, null, node, null)).get(0);
        // THEN
        assertThat(r.leaseLastRenewedBeforeGap()).isEqualTo(t(20));
        assertThat(r.leaseLongestGap()).isEqualTo(Duration.ofSeconds(46));
        assertThat(r.leaseMargin()).contains(Duration.ofSeconds(4));
        assertThat(r.gracePeriod()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void what_never_happened_is_not_observed_never_zero() {
        // GIVEN a quiet node that never crossed the threshold, never reported pressure, evicted nothing
        ChaosReport quiet = ReportFixtures.quiet(ReportFixtures.hog(HogFate.SURVIVED, "", 180, 1500));
        // WHEN
        ReactionTimes r = ReactionTimes.of(quiet).get(0);
        // THEN
        assertThat(r.thresholdCrossed()).isNull();
        assertThat(r.memoryPressureReported()).isNull();
        assertThat(r.firstEviction()).isNull();
        assertThat(r.thresholdToMemoryPressure()).isEmpty();
        assertThat(ReportWriter.toJson(quiet)).contains("\"thresholdCrossed\" : null",
                "\"memoryPressureAfterPressureStartMillis\" : null", "\"firstEvictionAfterPressureStartMillis\" : null",
                "\"memoryPressureToEvictionMillis\" : null");
    }

    @Test
    void ticks_before_pressure_start_do_not_count_and_eviction_off_means_no_crossing() {
        // GIVEN memory eviction off
        ClusterFacts f = scenario.cluster();
        ChaosReport off = new ChaosReport(scenario.name(), scenario.started(), scenario.finished(),
                new ClusterFacts(f.kind(), f.version(), f.node(), f.memoryModel(), f.declaredBytes(),
                        f.capacityBytes(), f.allocatableBytes(), f.kubepodsLimitBytes(), 0, f.kubeletArgs()),
                scenario.hogSpec(), scenario.phases(), scenario.api(), scenario.node(), scenario.pods(), scenario.hog(),
                scenario.events(), scenario.http(), scenario.hogOutcome(), scenario.notes());
        assertThat(ReactionTimes.of(off).get(0).thresholdCrossed()).isNull();
        // GIVEN pressure starting only at +15: MemoryPressure (set since +14) counts from +15
        ChaosReport late = ReportFixtures.withPhases(scenario, List.of(
                new PhaseSpan(Phase.STEADY_STATE, t(0), t(15), true, "completed"),
                new PhaseSpan(Phase.PRESSURE, t(15), t(18), true, "completed")));
        assertThat(ReactionTimes.of(late).get(0).memoryPressureReported()).isEqualTo(t(15));
    }

    @Test
    void the_json_summary_has_the_reaction_times() {
        assertThat(ReportWriter.toJson(scenario)).contains("\"reactionTimes\" : [",
                "\"thresholdCrossed\" : \"2025-11-27T12:00:16Z\"", "\"thresholdCrossedAfterPressureStartMillis\" : 11000",
                "\"memoryPressureAfterPressureStartMillis\" : 9000", "\"firstEvictionAfterPressureStartMillis\" : 13000",
                "\"thresholdToMemoryPressureMillis\" : null", "\"thresholdToMemoryPressureStep\" : \"2.0 s before\"",
                "\"memoryPressureToEvictionMillis\" : 4000", "\"thresholdClock\" : \"sampled tick (up to one tick late)\"",
                "\"firstEvictionClock\" : \"event lastTimestamp (1 s)\"",
                "\"leaseLastRenewedBeforeLongestGap\" : \"2025-11-27T12:00:00Z\"", "\"leaseLongestGapMillis\" : 10000",
                "\"nodeMonitorGracePeriodMillis\" : 50000", "\"leaseMarginMillis\" : 40000");
    }

    @Test
    void the_html_report_shows_both_new_parts() {
        String html = dev.squeeze.internal.report.html.HtmlReport.render(scenario);
        assertThat(html).contains("Numbers other tools speak", "ClusterLoader2 APIAvailability · fresh (host-level)",
                "availabilityPercentage 97.01 · longestUnavailablePeriod 2s", "p99 2000 ms", "not met over 67 pooled calls",
                "Time to react", "memory.available below 256.0 MiB</td><td>+00:16</td><td>11.0 s",
                "2.0 s before the threshold crossing", "4.0 s after MemoryPressure",
                "longest gap 10.0 s, 40.0 s short of the 50.0 s node-monitor grace period");
        String quiet = dev.squeeze.internal.report.html.HtmlReport.render(
                ReportFixtures.quiet(ReportFixtures.hog(HogFate.SURVIVED, "", 180, 1500)));
        assertThat(quiet).contains("First eviction</td><td>not observed</td><td>not observed</td><td>not observed");
    }

    /**
     * The scenario with the kubelet's own times added: each summary's memory.time a second before the tick that read
     * it (the stats below the threshold, read at +16, were taken at +15), MemoryPressure's lastTransitionTime +15
     * (first sampled at +14: the tick and the kubelet's second clock disagree), and the Evicted event as given.
     */
    private ChaosReport kubeletClocks(java.util.function.UnaryOperator<EventRecord> eviction) {
        List<NodeSample> node = scenario.node().stream().map(s -> s.withKubeletTimes(
                s.memoryPressure() ? t(15) : null, s.availableBytes() == null ? null : s.at().minusSeconds(1))).toList();
        List<EventRecord> events = scenario.events().stream()
                .map(e -> "Evicted".equals(e.reason()) ? eviction.apply(e) : e).toList();
        return ReportFixtures.withHog(ReportFixtures.with(scenario, null, node, null), scenario.hogOutcome(), events);
    }

    @Test
    void second_truncated_kubelet_times_are_used_and_never_give_a_negative_interval() {
        // GIVEN the kubelet's own times: stats below the threshold taken at +15, MemoryPressure set at +15, and the
        // Evicted event's legacy lastTimestamp, truncated to the second, at +15
        ChaosReport r = kubeletClocks(e -> new EventRecord(t(15), e.type(), e.reason(), e.objectKind(), e.namespace(),
                e.objectName(), e.message(), e.annotations(), EventRecord.LAST_TIMESTAMP));

        // WHEN
        ReactionTimes times = ReactionTimes.of(r).get(0);

        // THEN each moment is the kubelet's, says which clock, and moments within a second are one sync loop
        assertThat(times.thresholdCrossed()).isEqualTo(t(15));
        assertThat(times.thresholdClock()).isEqualTo(ReactionTimes.STATS_TIME);
        assertThat(times.memoryPressureReported()).isEqualTo(t(15));
        assertThat(times.memoryPressureClock()).isEqualTo(ReactionTimes.TRANSITION_TIME);
        assertThat(times.firstEviction()).isEqualTo(t(15));
        assertThat(times.evictionClock()).isEqualTo(EventRecord.LAST_TIMESTAMP);
        assertThat(ReactionTimes.step(times.memoryPressureReported(), times.memoryPressureClock(),
                times.firstEviction(), times.evictionClock())).isEqualTo(ReactionTimes.SAME_SYNC_LOOP);
        assertThat(times.memoryPressureToEviction()).isEmpty();
        assertThat(times.thresholdToEviction()).isEmpty();
        assertThat(ReportWriter.toJson(r)).doesNotContainPattern("ToEvictionMillis\" : -|ToMemoryPressureMillis\" : -"
                + "|AfterPressureStartMillis\" : -").contains("\"memoryPressureToEvictionStep\" : \"same sync loop (< 1 s)\"");
        assertThat(dev.squeeze.internal.report.html.HtmlReport.render(r)).contains("same sync loop (&lt; 1 s) as MemoryPressure",
                "MemoryPressure lastTransitionTime (1 s)");
    }

    @Test
    void an_eviction_the_kubelet_stamped_before_it_reported_memory_pressure_reads_in_that_order() {
        // GIVEN the Evicted event at +13 (lastTimestamp) while the MemoryPressure condition was set at +15
        ChaosReport r = kubeletClocks(e -> new EventRecord(t(13), e.type(), e.reason(), e.objectKind(), e.namespace(),
                e.objectName(), e.message(), e.annotations(), EventRecord.LAST_TIMESTAMP));
        // GIVEN instead an events.k8s.io/v1 eventTime at +15.25, microseconds
        ChaosReport micro = kubeletClocks(e -> new EventRecord(t(15.25), e.type(), e.reason(), e.objectKind(),
                e.namespace(), e.objectName(), e.message(), e.annotations(), EventRecord.EVENT_TIME));

        // WHEN
        ReactionTimes early = ReactionTimes.of(r).get(0);
        ReactionTimes precise = ReactionTimes.of(micro).get(0);

        // THEN the order is shown, not a negative time; a microsecond eventTime against a second clock is one loop
        assertThat(early.memoryPressureToEviction()).isEmpty();
        assertThat(ReactionTimes.step(early.memoryPressureReported(), early.memoryPressureClock(),
                early.firstEviction(), early.evictionClock())).isEqualTo("2.0 s before");
        assertThat(dev.squeeze.internal.report.html.HtmlReport.render(r)).contains("2.0 s before MemoryPressure");
        assertThat(precise.evictionClock()).isEqualTo(EventRecord.EVENT_TIME);
        assertThat(ReactionTimes.step(precise.memoryPressureReported(), precise.memoryPressureClock(),
                precise.firstEviction(), precise.evictionClock())).isEqualTo(ReactionTimes.SAME_SYNC_LOOP);
    }
}
