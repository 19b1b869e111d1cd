package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveBeenDamaged.shouldHaveBeenDamaged;
import static dev.squeeze.internal.assertions.ShouldMatchPods.shouldMatchPods;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.internal.report.summary.PodSelector;
import dev.squeeze.report.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The damage side ({@code wereOomKilled()}, {@code hadRestartsOrNotReady()}) and selectors that match nothing. */
class PodsAssertDamageTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void damage_passes_when_a_pod_suffered() {
        ChaosReport broken = ReportFixtures.with(scenario, null, null, PodSamples.oomKilledWeb("web-1"));
        assertThatNoException().isThrownBy(() -> assertThat(broken).pods("app=web").wereOomKilled()
                .hadRestartsOrNotReady());
    }

    @Test
    void damage_fails_listing_the_untouched_pods() {
        List<PodHistory> web = PodSelector.parse("app=web").select(PodHistory.of(scenario));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).pods("app=web").hadRestartsOrNotReady())
                .withMessage(shouldHaveBeenDamaged("app=web", PodsAssert.DAMAGE, web, scenario, scenario.name())
                        .create())
                .withMessageContaining("web-6f7c-abc: Ready throughout, no restarts");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).pods("app=web").wereOomKilled())
                .withMessage(shouldHaveBeenDamaged("app=web", "an OOM kill", web, scenario, scenario.name()).create());
    }

    @Test
    void a_selector_matching_nothing_fails_listing_the_recorded_pods() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).pods("app=wbe").stayedReady())
                .withMessage(shouldMatchPods("app=wbe", PodHistory.of(scenario), scenario.name()).create())
                .withMessageContaining("default/web-6f7c-abc (workload, labels {app=web})");
    }
}
