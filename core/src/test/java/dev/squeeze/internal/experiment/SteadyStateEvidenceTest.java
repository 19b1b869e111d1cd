package dev.squeeze.internal.experiment;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SteadyStateEvidenceTest {

    private static final ProbeOutcome OK = ProbeOutcome.success(Duration.ofMillis(5), 200);
    private static final ProbeOutcome DOWN = ProbeOutcome.failure(Duration.ofSeconds(2), "TLS handshake timeout after 2s");

    private static List<ApiSample> samples(ProbeOutcome... fresh) {
        List<ApiSample> out = new ArrayList<>();
        Instant t = Instant.parse("2026-11-27T21:00:00Z");
        for (ProbeOutcome f : fresh) {
            out.add(new ApiSample(t, Phase.STEADY_STATE, f, OK));
            t = t.plusSeconds(1);
        }
        return out;
    }

    @Test
    void a_healthy_api_or_one_early_blip_is_steady() {
        assertThat(SteadyState.apiEvidence(samples(OK, OK, OK))).isEmpty();
        assertThat(SteadyState.apiEvidence(samples(DOWN, OK, OK, OK, OK, OK))).isEmpty();
    }

    @Test
    void a_failing_latest_sample_or_too_many_failures_is_not_steady() {
        assertThat(SteadyState.apiEvidence(samples(OK, OK, DOWN))).containsExactly(
                "the API server failed 1 of 3 probes, including the latest; first error: fresh /readyz: TLS handshake timeout after 2s");
        assertThat(SteadyState.apiEvidence(samples(DOWN, DOWN, OK, OK))).singleElement().asString()
                .startsWith("the API server failed 2 of 4 probes;");
        assertThat(SteadyState.apiEvidence(List.of())).containsExactly(
                "the API server probe recorded no sample during steady state");
    }

    @Test
    void a_selector_without_pods_or_with_a_pod_not_ready_is_evidence() {
        Pod crashing = new PodBuilder().withNewMetadata().withName("web-0").endMetadata().withNewStatus()
                .withPhase("Running").addNewCondition().withType("Ready").withStatus("False").endCondition()
                .addNewContainerStatus().withName("web").withRestartCount(3).withNewLastState().withNewTerminated()
                .withReason("OOMKilled").withExitCode(137).endTerminated().endLastState().endContainerStatus()
                .endStatus().build();

        assertThat(SteadyState.podEvidence("app=web", "squeeze", List.of())).containsExactly(
                "no pod matches the watched selector `app=web` in namespace squeeze; deploy the workload first, or fix the selector");
        assertThat(SteadyState.podEvidence("app=web", "squeeze", List.of(crashing))).containsExactly(
                "pod web-0 (`app=web`) is not Ready: Running, 3 restarts, last termination OOMKilled");
    }
}
