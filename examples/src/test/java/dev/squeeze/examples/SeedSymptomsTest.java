package dev.squeeze.examples;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.HogSample;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.PressureStall;
import dev.squeeze.report.ProbeOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's symptoms as {@link SeedSymptoms} reads them from a report, during the chaos phases only. */
class SeedSymptomsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T05:31:30Z");
    private static final ProbeOutcome OK = new ProbeOutcome.Success(Duration.ofMillis(20), 200);

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static ProbeOutcome failure(String error) {
        return new ProbeOutcome.Failure(Duration.ofSeconds(2), error);
    }

    private static PodSample pod(int second, Phase phase, String name, PodRole role, int restarts) {
        return new PodSample(at(second), phase, "kube-system", name, role, "Running", true, restarts, null, null);
    }

    private static NodeSample node(int second, Phase phase, boolean ready, int leaseRenewedAt, long swap) {
        return new NodeSample(at(second), phase, "n", ready, false, null, null, at(leaseRenewedAt), null, null, null,
                new PressureStall("host-wide /proc/pressure/memory", 1.0, 0.0, 1L, 0L, "swap: test",
                        Map.of("swap", swap)));
    }

    private static ChaosReport report(List<ApiSample> api, List<HttpSample> http, List<PodSample> pods,
                                      List<NodeSample> node, List<EventRecord> events) {
        return new ChaosReport("SeedOutageIT-x", T0, at(120), null, "2500Mi", List.of(), api, node, pods, List.of(),
                events, http, new HogOutcome(HogFate.OOM_KILLED, "OOMKilled", at(40), 2500L << 20, 2300L << 20, false,
                0), List.of());
    }

    @Test
    void aHealthyRunHasNoSymptom() {
        ChaosReport healthy = report(
                List.of(new ApiSample(at(1), Phase.STEADY_STATE, OK, OK),
                        new ApiSample(at(10), Phase.PRESSURE, OK, OK)),
                List.of(new HttpSample(at(10), Phase.PRESSURE, OK)),
                List.of(pod(1, Phase.STEADY_STATE, "coredns-1", PodRole.SYSTEM, 3),
                        pod(60, Phase.RECOVERY, "coredns-1", PodRole.SYSTEM, 3)),
                List.of(node(1, Phase.STEADY_STATE, true, 0, 0), node(10, Phase.PRESSURE, true, 10, 512L << 20),
                        node(60, Phase.RECOVERY, true, 55, 1L << 30)),
                List.of());

        SeedSymptoms seen = SeedSymptoms.of(healthy);

        assertThat(seen.anySymptom()).isFalse();
        assertThat(seen.eaterFate()).isEqualTo("OOM_KILLED");
        assertThat(seen.nodeReadyInRecovery()).isTrue();
        assertThat(SeedSymptoms.longestLeaseGap(healthy.node())).isEqualTo(Duration.ofSeconds(45));
        assertThat(SeedSymptoms.peakSwapBytes(healthy)).isEqualTo(1L << 30);
    }

    @Test
    void handshakeTimeoutsAndFiveHundredsCountOnlyDuringTheChaos() {
        SeedSymptoms seen = SeedSymptoms.of(report(
                List.of(new ApiSample(at(1), Phase.STEADY_STATE, failure("TLS handshake timeout after 2s (x:1)"), OK),
                        new ApiSample(at(10), Phase.PRESSURE, failure("TLS handshake timeout after 2s (x:6443)"), OK),
                        new ApiSample(at(11), Phase.HOLD, failure("connection refused by x:6443"), OK)),
                List.of(new HttpSample(at(1), Phase.STEADY_STATE, failure("HTTP 502 Bad Gateway from GET /healthz")),
                        new HttpSample(at(10), Phase.PRESSURE, failure("HTTP 503 Service Unavailable from GET /")),
                        new HttpSample(at(11), Phase.PRESSURE, failure("timeout after 2s"))),
                List.of(), List.of(), List.of()));

        assertThat(seen.tlsTimeouts()).singleElement().asString().contains("PRESSURE: TLS handshake timeout");
        assertThat(seen.http5xx()).singleElement().asString().contains("HTTP 503 Service Unavailable");
    }

    @Test
    void aSystemPodWhoseRestartsGrewAfterSteadyStateRestarted() {
        SeedSymptoms seen = SeedSymptoms.of(report(List.of(), List.of(),
                List.of(pod(1, Phase.STEADY_STATE, "coredns-1", PodRole.SYSTEM, 1),
                        pod(30, Phase.HOLD, "coredns-1", PodRole.SYSTEM, 2),
                        pod(60, Phase.RECOVERY, "coredns-1", PodRole.SYSTEM, 3),
                        pod(1, Phase.STEADY_STATE, "web-1", PodRole.WORKLOAD, 0),
                        pod(60, Phase.RECOVERY, "web-1", PodRole.WORKLOAD, 4)),
                List.of(), List.of()));

        assertThat(seen.systemRestarts()).containsExactly(Map.entry("coredns-1", 2));
    }

    @Test
    void theNodeStoppedPostingStatusByEventOrByALeaseGapPastTheGracePeriod() {
        EventRecord notReady = new EventRecord(at(70), "Normal", "NodeNotReady", "Pod", "ns", "web-1",
                "Node is not ready", Map.of());
        List<NodeSample> gap = List.of(node(1, Phase.STEADY_STATE, true, 0, 0), node(30, Phase.PRESSURE, false, 0, 0),
                node(55, Phase.PRESSURE, false, 0, 0), node(60, Phase.RECOVERY, true, 58, 0));

        SeedSymptoms seen = SeedSymptoms.of(report(List.of(), List.of(), List.of(), gap, List.of(notReady)));

        assertThat(seen.nodeUnknownEvents()).singleElement().asString().contains("NodeNotReady");
        assertThat(seen.leaseGapPastGrace()).isTrue();
        assertThat(SeedSymptoms.longestLeaseGap(gap)).isEqualTo(Duration.ofSeconds(58));
        assertThat(SeedSymptoms.peakSwapBytes(report(List.of(), List.of(), List.of(), gap, List.of()))).isZero();
    }
    @Test
    void theEaterKeptRunningWhenItTouchedNewPagesAfterTheFirstHandshakeTimeout() {
        List<ApiSample> api = List.of(new ApiSample(at(1), Phase.STEADY_STATE, OK, OK),
                new ApiSample(at(20), Phase.PRESSURE, failure("TLS handshake timeout after 2s (localhost:6443)"), OK));
        ChaosReport base = report(api, List.of(), List.of(), List.of(), List.of());
        ChaosReport running = withHog(base, List.of(new HogSample(at(10), "ramp", 2500L << 20, 1000L << 20, 0),
                new HogSample(at(30), "ramp", 2500L << 20, 1200L << 20, 0)));
        ChaosReport stopped = withHog(base, List.of(new HogSample(at(10), "ramp", 2500L << 20, 1000L << 20, 0),
                new HogSample(at(30), "ramp", 2500L << 20, 1000L << 20, 0)));

        assertThat(SeedSymptoms.of(running).eaterKeptRunning()).isTrue();
        assertThat(SeedSymptoms.of(stopped).eaterKeptRunning()).as("no new pages after the timeout").isFalse();
        assertThat(SeedSymptoms.of(withHog(report(List.of(), List.of(), List.of(), List.of(), List.of()),
                running.hog())).eaterKeptRunning()).as("no symptom at all").isFalse();
    }

    @Test
    void theEaterKeptRunningCountsFromTheFirstSymptomOfAnyKind() {
        // a 5xx at 5 s, before any handshake timeout (at 20 s): the eater touched pages between the two only
        List<ApiSample> api = List.of(new ApiSample(at(20), Phase.PRESSURE, failure("TLS handshake timeout"), OK));
        List<HttpSample> http = List.of(new HttpSample(at(5), Phase.PRESSURE,
                failure("HTTP 503 Service Unavailable from GET /healthz")));
        List<HogSample> hog = List.of(new HogSample(at(4), "ramp", 2500L << 20, 500L << 20, 0),
                new HogSample(at(12), "ramp", 2500L << 20, 900L << 20, 0),
                new HogSample(at(30), "ramp", 2500L << 20, 900L << 20, 0));

        assertThat(SeedSymptoms.of(withHog(report(api, http, List.of(), List.of(), List.of()), hog))
                .eaterKeptRunning()).as("new pages after the first 5xx").isTrue();
        assertThat(SeedSymptoms.of(withHog(report(api, List.of(), List.of(), List.of(), List.of()), hog))
                .eaterKeptRunning()).as("no new pages after the first handshake timeout").isFalse();
    }

    private static ChaosReport withHog(ChaosReport r, List<HogSample> hog) {
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster(), r.hogSpec(), r.phases(), r.api(),
                r.node(), r.pods(), hog, r.events(), r.http(), r.hogOutcome(), r.notes(), r.clusterNodes(),
                r.otherNodes());
    }
}
