package dev.squeeze.internal.experiment;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting tick by tick, on a fake clock that one tick moves by one second. */
class UntilTest {

    /** A clock and a tick source in one: every tick advances the clock by a second. */
    static final class FakeTicks extends Clock implements Until.Ticks {
        Instant now = Instant.parse("2026-11-28T06:00:00Z");
        int ticks;

        @Override
        public boolean awaitTick(Duration max) {
            ticks++;
            now = now.plus(max.compareTo(Duration.ofSeconds(1)) < 0 ? max : Duration.ofSeconds(1));
            return true;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void a_condition_is_evaluated_once_per_tick_and_its_own_words_say_how_it_was_met() throws Exception {
        FakeTicks ticks = new FakeTicks();
        AtomicInteger evaluations = new AtomicInteger();

        Until.Result r = new Until(ticks, ticks).await("the hog to hold", Duration.ofSeconds(10),
                () -> evaluations.incrementAndGet() == 4 ? Optional.of("holding 1Gi") : Optional.empty(),
                () -> "ramping");

        assertThat(r.met()).isTrue();
        assertThat(r.outcome()).isEqualTo("holding 1Gi");
        assertThat(r.waited()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ticks.ticks).isEqualTo(3);
    }

    @Test
    void a_timeout_says_what_was_awaited_for_how_long_and_the_last_state() throws Exception {
        FakeTicks ticks = new FakeTicks();
        AtomicInteger state = new AtomicInteger();

        Until.Result r = new Until(ticks, ticks).await("MemoryPressure to clear", Duration.ofSeconds(3),
                Optional::empty, () -> "MemoryPressure True (poll " + state.incrementAndGet() + ")");

        assertThat(r.met()).isFalse();
        assertThat(r.outcome()).isEqualTo("timed out after 3s waiting for MemoryPressure to clear; last state: "
                + "MemoryPressure True (poll 1)");
        assertThat(r.waited()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void hold_lets_the_duration_pass_unless_stopped_and_says_why_it_stopped() throws Exception {
        FakeTicks ticks = new FakeTicks();
        Until until = new Until(ticks, ticks);

        Until.Result held = until.hold(Duration.ofSeconds(5), Optional::empty);
        AtomicInteger n = new AtomicInteger();
        Until.Result stopped = until.hold(Duration.ofSeconds(5),
                () -> n.incrementAndGet() == 3 ? Optional.of("the hog was EVICTED") : Optional.empty());

        assertThat(held).extracting(Until.Result::met, Until.Result::outcome, Until.Result::waited)
                .containsExactly(true, "held 5s", Duration.ofSeconds(5));
        assertThat(stopped).extracting(Until.Result::met, Until.Result::outcome, Until.Result::waited)
                .containsExactly(false, "the hog was EVICTED", Duration.ofSeconds(2));
    }
}
