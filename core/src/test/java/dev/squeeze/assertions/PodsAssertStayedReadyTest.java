package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveStayedReady.shouldHaveStayedReady;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ReportFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodsAssertStayedReadyTest {

    @Test
    void passes_when_every_matched_pod_stayed_ready() {
        ChaosReport report = ReportFixtures.evictionScenario();
        assertThatNoException().isThrownBy(() -> assertThat(report).pods("app=web").stayedReady());
        assertThatNoException().isThrownBy(() -> assertThat(report).workloadPods().stayedReady());
    }

    @Test
    void fails_with_which_pod_when_and_why() {
        // GIVEN the scenario plus a web pod OOM-killed at +00:31 and NotReady until +00:52
        List<PodSample> pods = new ArrayList<>(ReportFixtures.evictionScenario().pods());
        pods.addAll(PodSamples.oomKilledWeb("web-6f7c-xyz"));
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, null, pods);
        List<PodHistory> offenders = PodHistory.of(report).stream().filter(p -> p.name().equals("web-6f7c-xyz"))
                .toList();
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).pods("app=web").stayedReady())
                .withMessage(shouldHaveStayedReady("app=web", 3, offenders, report.started(), report.name()).create())
                .withMessageContaining("web-6f7c-xyz: NotReady from +00:31 to +00:52 (container restarted, OOMKilled)");
    }
}
