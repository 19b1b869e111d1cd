package dev.squeeze.examples;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.report.ReportReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's symptoms as {@link SeedSymptoms} reads them from a report: a recorded SeedOutageIT run, then edited. */
class SeedSymptomsTest {

    private static ChaosReport recorded() throws IOException {
        try (InputStream in = SeedSymptomsTest.class.getResourceAsStream("/recorded/seed-outage-swap.json")) {
            return ReportReader.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static ChaosReport with(ChaosReport r, List<ApiSample> api, List<PodSample> pods) {
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster(), r.hogSpec(), r.phases(), api,
                r.node(), pods, r.hog(), r.events(), r.http(), r.hogOutcome(), r.notes(), r.clusterNodes(),
                r.otherNodes());
    }

    @Test
    void aRecordedRunShowsTheServicesFiveHundredsTheSwapAndTheEatersFate() throws IOException {
        SeedSymptoms seen = SeedSymptoms.of(recorded());

        assertThat(seen.http5xx()).hasSize(3).first().asString().contains("HTTP 503 Service Unavailable");
        assertThat(seen.tlsTimeouts()).isEmpty();
        assertThat(seen.systemRestarts()).isEmpty();
        assertThat(seen.nodeUnknownEvents()).isEmpty();
        assertThat(seen.eaterFate()).isEqualTo("OOM_KILLED");
        assertThat(seen.nodeReadyInRecovery()).isTrue();
        assertThat(seen.anySymptom()).isTrue();
        assertThat(SeedSymptoms.peakSwapBytes(recorded())).isEqualTo(1073999872L);
    }

    @Test
    void aFreshProbeThatTimedOutInItsHandshakeDuringTheChaosIsTheSeedsTlsTimeout() throws IOException {
        ChaosReport r = recorded();
        List<ApiSample> api = new ArrayList<>(r.api());
        int i = api.indexOf(api.stream().filter(s -> s.phase() == Phase.PRESSURE).findFirst().orElseThrow());
        ApiSample s = api.get(i);
        api.set(i, new ApiSample(s.at(), s.phase(), failure("TLS handshake timeout after 2s (localhost:6443)"),
                s.pooled()));
        ApiSample steady = api.get(0);
        api.set(0, new ApiSample(steady.at(), steady.phase(), failure("TLS handshake timeout after 2s (x:1)"),
                steady.pooled()));

        SeedSymptoms seen = SeedSymptoms.of(with(r, api, r.pods()));

        assertThat(seen.tlsTimeouts()).singleElement().asString().contains("PRESSURE: TLS handshake timeout");
    }

    @Test
    void aSystemPodWhoseRestartsGrewAfterSteadyStateRestarted() throws IOException {
        ChaosReport r = recorded();
        List<PodSample> pods = new ArrayList<>();
        for (PodSample p : r.pods()) {
            boolean later = p.role() == PodRole.SYSTEM && p.phase() == Phase.RECOVERY;
            pods.add(later ? new PodSample(p.at(), p.phase(), p.namespace(), p.name(), p.role(), p.podPhase(),
                    p.ready(), p.restarts() + 2, "Error", p.workingSetBytes(), p.labels(), p.node()) : p);
        }

        SeedSymptoms seen = SeedSymptoms.of(with(r, r.api(), pods));

        assertThat(seen.systemRestarts()).hasSize(1).allSatisfy((name, grew) -> {
            assertThat(name).startsWith("coredns-");
            assertThat(grew).isEqualTo(2);
        });
    }

    private static ProbeOutcome failure(String error) {
        return new ProbeOutcome.Failure(Duration.ofSeconds(2), error);
    }
}
