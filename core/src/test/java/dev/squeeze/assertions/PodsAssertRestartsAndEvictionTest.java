package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveAtMostRestarts.shouldHaveAtMostRestarts;
import static dev.squeeze.internal.assertions.ShouldNotHaveBeenEvicted.shouldNotHaveBeenEvicted;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.report.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hadNoRestarts()}, {@code hadAtMostRestarts(n)} and {@code wereNotEvicted()}. */
class PodsAssertRestartsAndEvictionTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void restarts_pass_within_the_bound_and_fail_with_the_termination_reason() {
        ChaosReport report = ReportFixtures.with(scenario, null, null, PodSamples.oomKilledWeb("web-1"));
        List<PodHistory> pods = PodHistory.of(report);
        assertThatNoException().isThrownBy(() -> assertThat(scenario).systemPods().hadNoRestarts());
        assertThatNoException().isThrownBy(() -> assertThat(report).pods("web-*").hadAtMostRestarts(1));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).pods("web-*").hadNoRestarts())
                .withMessage(shouldHaveAtMostRestarts("web-*", 0, pods, report.name()).create())
                .withMessageContaining("web-1: 1 restart (last termination OOMKilled)");
    }

    @Test
    void eviction_of_a_workload_pod_fails_with_the_kubelet_message() {
        assertThatNoException().isThrownBy(() -> assertThat(scenario).workloadPods().wereNotEvicted());
        ChaosReport report = ReportFixtures.with(scenario, null, null, PodSamples.evictedWeb("web-2"));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).pods("app=web").wereNotEvicted())
                .withMessage(shouldNotHaveBeenEvicted("app=web", PodHistory.of(report), report, report.name())
                        .create())
                .withMessageContaining("web-2: evicted (status.reason Evicted, last phase Failed)");
    }

    @Test
    void the_hog_eviction_is_quoted_from_its_event() {
        List<PodHistory> hog = PodHistory.of(scenario).stream().filter(p -> p.name().equals("squeeze-hog")).toList();
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).pods("hog").wereNotEvicted())
                .withMessage(shouldNotHaveBeenEvicted("hog", hog, scenario, scenario.name()).create())
                .withMessageContaining("squeeze-hog: evicted at +00:18: The node was low on resource: memory."
                        + " Threshold quantity: 256Mi, available: 98304Ki. [starved_resource=memory]");
    }
}
