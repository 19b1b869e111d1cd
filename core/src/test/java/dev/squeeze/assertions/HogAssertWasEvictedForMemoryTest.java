package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveBeenEvictedForMemory.shouldHaveBeenEvictedForMemory;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.ReportFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HogAssertWasEvictedForMemoryTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void passes_on_an_eviction_event_starved_of_memory() {
        assertThatNoException().isThrownBy(() -> assertThat(scenario).hog().wasEvictedForMemory());
    }

    @Test
    void fails_when_the_eviction_was_for_another_resource() {
        EventRecord disk = ReportFixtures.event(18, "Warning", "Evicted", "Pod", "squeeze", "squeeze-hog",
                "The node was low on resource: ephemeral-storage.", Map.of("starved_resource", "ephemeral-storage"));
        ChaosReport report = ReportFixtures.withHog(scenario, scenario.hogOutcome(), List.of(disk));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).hog().wasEvictedForMemory())
                .withMessage(shouldHaveBeenEvictedForMemory(List.of("squeeze-hog"), List.of(disk),
                        report.hogOutcome(), report.started(), report.name()).create())
                .withMessageContaining("+00:18 squeeze-hog: starved_resource=ephemeral-storage");
    }

    @Test
    void fails_when_no_eviction_event_names_the_hog() {
        ChaosReport report = ReportFixtures.withHog(scenario, scenario.hogOutcome(), List.of());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).hog().wasEvictedForMemory())
                .withMessage(shouldHaveBeenEvictedForMemory(List.of("squeeze-hog"), List.of(), report.hogOutcome(),
                        report.started(), report.name()).create())
                .withMessageContaining("but the report has no Evicted event for it");
    }
}
