package dev.squeeze.internal.experiment;

import dev.squeeze.internal.probe.Observations;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The clear window counts only fresh, observed node samples taken after recovery began. */
class RecoveryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final Observations seen = new Observations();
    private final Recovery recovery = new Recovery(null, seen, WINDOW, T0);

    private void node(int second, boolean pressure) {
        seen.add(new NodeSample(T0.plusSeconds(second), Phase.RECOVERY, "n", true, pressure, 1L, 1L, null));
    }

    @Test
    void clear_samples_spanning_the_window_meet_it() {
        for (int s = 1; s <= 11; s++) {
            node(s, false);
        }

        assertThat(recovery.pressureClear()).contains("MemoryPressure clear for 10s");
    }

    @Test
    void a_stale_sample_from_before_recovery_does_not_start_the_window() {
        seen.add(new NodeSample(T0.minusSeconds(30), Phase.HOLD, "n", true, false, 1L, 1L, null));
        node(5, false);

        assertThat(recovery.pressureClear()).as("only 0 s of fresh clear samples").isEmpty();
        assertThat(recovery.pressureState()).contains("MemoryPressure False since " + T0.plusSeconds(5));
    }

    @Test
    void no_new_sample_means_no_progress_however_much_time_passes() {
        node(1, false);
        node(2, false);

        assertThat(recovery.pressureClear()).isEmpty();
        assertThat(recovery.pressureClear()).as("evaluated again, nothing new").isEmpty();
    }

    @Test
    void an_unobserved_tick_or_pressure_starts_the_window_over() {
        for (int s = 1; s <= 6; s++) {
            node(s, false);
        }
        seen.add(NodeSample.unobserved(T0.plusSeconds(7), Phase.RECOVERY, "n", "GET node n failed: timeout"));
        for (int s = 8; s <= 14; s++) {
            node(s, false);
        }
        assertThat(recovery.pressureClear()).as("6 s clear, a gap, 6 s clear").isEmpty();

        node(15, true);
        for (int s = 16; s <= 25; s++) {
            node(s, false);
        }
        assertThat(recovery.pressureClear()).as("clear 16 s to 25 s: 9 s").isEmpty();
        node(26, false);
        assertThat(recovery.pressureClear()).contains("MemoryPressure clear for 10s");
    }
}
