package dev.squeeze.experiment;

import dev.squeeze.internal.experiment.PhaseLog;
import dev.squeeze.internal.experiment.Until;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhaseBookkeepingTest {

    /** A clock that only moves when a tick is awaited: one second per tick. */
    static final class TickingClock extends Clock {
        Instant now = Instant.parse("2026-11-27T21:00:00Z");
        int ticks;

        boolean awaitTick(Duration max) {
            ticks++;
            now = now.plus(max.compareTo(Duration.ofSeconds(1)) < 0 ? max : Duration.ofSeconds(1));
            return true;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TickingClock clock = new TickingClock();
    private final Until until = new Until(clock::awaitTick, clock);

    @Test
    void a_wait_that_times_out_says_what_it_awaited_for_how_long_and_the_last_state() throws Exception {
        AtomicInteger polls = new AtomicInteger();

        Until.Result r = until.await("MemoryPressure to clear (recoveryTimeout)", Duration.ofSeconds(5),
                Optional::empty, () -> "MemoryPressure True, poll " + polls.incrementAndGet());

        assertThat(r.met()).isFalse();
        assertThat(r.outcome()).isEqualTo("timed out after 5s waiting for MemoryPressure to clear (recoveryTimeout);"
                + " last state: MemoryPressure True, poll 1");
        assertThat(r.waited()).isEqualTo(Duration.ofSeconds(5));
        assertThat(clock.ticks).isEqualTo(5);
    }

    @Test
    void a_wait_ends_on_the_first_tick_its_condition_holds() throws Exception {
        Until.Result r = until.await("the hog to hold", Duration.ofMinutes(3),
                () -> clock.ticks >= 3 ? Optional.of("holding 1.5 GiB") : Optional.empty(), () -> "ramp");

        assertThat(r).isEqualTo(new Until.Result(true, "holding 1.5 GiB", Duration.ofSeconds(3)));
    }

    @Test
    void a_hold_runs_its_duration_unless_stopped_early() throws Exception {
        Until.Result full = until.hold(Duration.ofSeconds(20), Optional::empty);
        Until.Result cut = until.hold(Duration.ofSeconds(20),
                () -> clock.ticks >= 24 ? Optional.of("ended early: the hog was EVICTED") : Optional.empty());

        assertThat(full).isEqualTo(new Until.Result(true, "held 20s", Duration.ofSeconds(20)));
        assertThat(cut).isEqualTo(new Until.Result(false, "ended early: the hog was EVICTED", Duration.ofSeconds(4)));
    }

    @Test
    void phase_log_records_spans_with_their_outcomes_in_order() {
        PhaseLog log = new PhaseLog("e", clock);

        log.begin(Phase.STEADY_STATE);
        clock.now = clock.now.plusSeconds(5);
        log.end(true, "completed");
        log.begin(Phase.PRESSURE);
        assertThat(log.current()).isEqualTo(Phase.PRESSURE);
        clock.now = clock.now.plusSeconds(180);
        log.end(false, "timed out after 3m waiting for the hog to fill 1.5 GiB (rampTimeout); last state: hog ramp");
        log.begin(Phase.HOLD);
        log.abandon("java.lang.IllegalStateException: boom");

        assertThat(log.spans()).extracting(PhaseSpan::phase).containsExactly(Phase.STEADY_STATE, Phase.PRESSURE, Phase.HOLD);
        assertThat(log.spans()).extracting(PhaseSpan::completed).containsExactly(true, false, false);
        assertThat(log.spans().get(1).duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(log.spans().get(2).outcome()).isEqualTo("aborted: java.lang.IllegalStateException: boom");
    }

    @Test
    void phase_log_refuses_overlapping_phases() {
        PhaseLog log = new PhaseLog("e", clock);
        log.begin(Phase.STEADY_STATE);

        assertThatThrownBy(() -> log.begin(Phase.PRESSURE)).hasMessage("STEADY_STATE has not ended; end it before PRESSURE begins");
        log.end(true, "ok");
        assertThatThrownBy(() -> log.end(true, "again")).hasMessage("no phase is running");
    }
}
