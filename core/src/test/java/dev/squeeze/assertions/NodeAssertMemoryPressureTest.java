package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveHadMemoryPressure.shouldHaveHadMemoryPressure;
import static dev.squeeze.internal.assertions.ShouldHaveRecoveredFromMemoryPressure.shouldHaveRecoveredFromMemoryPressure;
import static dev.squeeze.internal.assertions.ShouldNotHaveHadMemoryPressure.shouldNotHaveHadMemoryPressure;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ReportFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hadMemoryPressure()}, {@code neverHadMemoryPressure()}, {@code recoveredFromMemoryPressure()}. */
class NodeAssertMemoryPressureTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    private static ChaosReport pressure(String pattern) {
        List<NodeSample> node = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            node.add(new NodeSample(t(i), Phase.PRESSURE, "k3s-node", true, pattern.charAt(i) == 'P',
                    (1000L - 10 * i) << 20, null, t(i)));
        }
        return ReportFixtures.with(ReportFixtures.evictionScenario(), null, node, null);
    }

    @Test
    void the_scenario_had_pressure_and_recovered() {
        assertThatNoException().isThrownBy(() -> assertThat(scenario).node().hadMemoryPressure()
                .recoveredFromMemoryPressure());
    }

    @Test
    void no_pressure_fails_with_the_lowest_available_memory_and_threshold() {
        ChaosReport report = pressure("-----");
        NodeHistory node = NodeHistory.of(report).get(0);
        assertThatNoException().isThrownBy(() -> assertThat(report).node().neverHadMemoryPressure());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).node().hadMemoryPressure())
                .withMessage(shouldHaveHadMemoryPressure(node, 256L << 20, report.started(), report.name()).create())
                .withMessageContaining("lowest memory.available 960.0 MiB at +00:04; eviction threshold 256.0 MiB");
    }

    @Test
    void pressure_where_none_was_allowed_fails_with_its_spans() {
        NodeHistory node = NodeHistory.of(scenario).get(0);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).node().neverHadMemoryPressure())
                .withMessage(shouldNotHaveHadMemoryPressure(node, 256L << 20, scenario.started(), scenario.name())
                        .create())
                .withMessageContaining("from +00:14 to +00:48 (34.0 s)");
    }

    @Test
    void pressure_still_set_at_the_end_has_not_recovered() {
        ChaosReport report = pressure("-PP-PP");
        NodeHistory node = NodeHistory.of(report).get(0);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).node().recoveredFromMemoryPressure())
                .withMessage(shouldHaveRecoveredFromMemoryPressure(node, report.started(), report.name()).create())
                .withMessageContaining("but it was still set when the experiment ended")
                .withMessageContaining("from +00:04 until the end (+00:05, still set)");
    }
}
