package dev.squeeze.internal.probe;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule is the denominator: one record per probe per scheduled tick, whatever happened to the sample. */
class SamplerTickGridTest {

    /** Records an ok API sample per tick (after {@code gate} opens) and an unobserved one when told. */
    static class Recording implements Probe {
        final Observations seen;
        final CountDownLatch gate;
        final boolean overlapping;
        /** Counted down each time a sample has answered (and offered its record, late or not). */
        final java.util.concurrent.Semaphore answers = new java.util.concurrent.Semaphore(0);

        Recording(Observations seen, CountDownLatch gate, boolean overlapping) {
            this.seen = seen;
            this.gate = gate;
            this.overlapping = overlapping;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public boolean overlapping() {
            return overlapping;
        }

        @Override
        public void sample(Tick tick) {
            // deaf to the interrupt of the sampler's shutdown, like a blocking socket read: it answers late
            boolean answered = false;
            while (!answered) {
                try {
                    gate.await();
                    answered = true;
                } catch (InterruptedException ignored) {
                    // keep waiting
                }
            }
            ProbeOutcome ok = ProbeOutcome.success(Duration.ofMillis(1), 200);
            seen.add(new ApiSample(tick.due(), tick.phase(), ok, ok));
            answers.release();
        }

        @Override
        public void unobserved(Tick tick, String reason) {
            seen.add(new ApiSample(tick.due(), tick.phase(), ProbeOutcome.unobserved(reason),
                    ProbeOutcome.unobserved(reason)));
        }
    }

    @Test
    void ticks_the_sampler_missed_are_recorded_unobserved_not_left_out() {
        Observations seen = new Observations();
        Recording probe = new Recording(seen, new CountDownLatch(0), false);
        SamplerScheduleTest.LateClock clock = new SamplerScheduleTest.LateClock(0, 2_500_000_000L, 0, 0);
        SamplerScheduleTest.Counting stopper = new SamplerScheduleTest.Counting(4); // closes after its 4th tick
        Sampler sampler = new Sampler(Duration.ofSeconds(1), () -> Phase.PRESSURE, List.of(probe, stopper), clock,
                SamplerScheduleTest.direct());
        stopper.sampler = sampler;

        sampler.loop();

        List<ApiSample> api = seen.api();
        assertThat(api).extracting(ApiSample::at).doesNotHaveDuplicates();
        assertThat(api).filteredOn(s -> s.fresh() instanceof ProbeOutcome.Unobserved u && u.reason().startsWith("missed"))
                .as("ticks 1 and 2 were missed").hasSize(2)
                .extracting(ApiSample::at).containsExactly(Instant.parse("2026-11-27T21:00:01Z"),
                        Instant.parse("2026-11-27T21:00:02Z"));
        assertThat(api).filteredOn(s -> s.fresh().ok()).extracting(ApiSample::at)
                .contains(Instant.parse("2026-11-27T21:00:00Z"), Instant.parse("2026-11-27T21:00:03Z"));
    }

    @Test
    @Timeout(30)
    void a_skipped_tick_and_a_sample_in_flight_at_close_are_unobserved_and_a_late_answer_is_dropped() throws Exception {
        Observations seen = new Observations();
        CountDownLatch gate = new CountDownLatch(1);
        Recording probe = new Recording(seen, gate, false);
        Sampler sampler = Sampler.start(Duration.ofMillis(100), () -> Phase.HOLD, List.of(probe));
        while (sampler.stats().ticks() < 4) {
            sampler.awaitTick(Duration.ofSeconds(1));
        }

        long t0 = System.nanoTime();
        sampler.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int atClose = seen.api().size();
        gate.countDown(); // the blocked sample now answers, too late
        assertThat(probe.answers.tryAcquire(2, TimeUnit.SECONDS)).as("the late sample answered").isTrue();

        List<ApiSample> api = seen.api();
        // a loaded machine can only make close take longer, never shorter than its one tick of waiting; that it gives
        // up on the blocked sample shows in close returning at all (the sample answers only after it; the @Timeout
        // turns a close that waits for it into a failure instead of a hang)
        assertThat(closeMillis).as("close waits one tick for samples in flight").isGreaterThanOrEqualTo(100L);
        assertThat(api).as("one record per dispatched tick").hasSize((int) sampler.stats().ticks()).hasSize(atClose);
        assertThat(api.get(0).fresh()).isInstanceOfSatisfying(ProbeOutcome.Unobserved.class,
                u -> assertThat(u.reason()).startsWith("in flight at close"));
        assertThat(api.subList(1, api.size())).isNotEmpty().allSatisfy(s -> assertThat(s.fresh())
                .isInstanceOfSatisfying(ProbeOutcome.Unobserved.class,
                        u -> assertThat(u.reason()).startsWith("skipped: the previous recording sample")));
        assertThat(api).noneSatisfy(s -> assertThat(s.fresh().ok()).isTrue());
    }

    @Test
    void samples_that_answer_within_a_tick_of_close_are_kept() throws Exception {
        Observations seen = new Observations();
        CountDownLatch gate = new CountDownLatch(1);
        Recording probe = new Recording(seen, gate, true);
        Sampler sampler = Sampler.start(Duration.ofMillis(500), () -> Phase.HOLD, List.of(probe));
        sampler.awaitTick(Duration.ofSeconds(2));

        new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            gate.countDown();
        }).start();
        sampler.close();

        assertThat(seen.api()).isNotEmpty().allSatisfy(s -> assertThat(s.fresh().ok()).isTrue());
    }
    @Test
    void a_probe_that_throws_before_recording_leaves_its_tick_unobserved_not_out_of_the_denominator() {
        // GIVEN a probe that records ticks 0 and 2 and throws on tick 1 (an escaped CancellationException)
        Observations seen = new Observations();
        Recording probe = new Recording(seen, new CountDownLatch(0), false) {
            @Override
            public void sample(Tick tick) {
                if (tick.index() == 1) {
                    throw new java.util.concurrent.CancellationException("GET /readyz cancelled");
                }
                super.sample(tick);
            }
        };
        SamplerScheduleTest.LateClock clock = new SamplerScheduleTest.LateClock(0);
        SamplerScheduleTest.Counting stopper = new SamplerScheduleTest.Counting(3); // closes after its 3rd tick
        Sampler sampler = new Sampler(Duration.ofSeconds(1), () -> Phase.PRESSURE, List.of(probe, stopper), clock,
                SamplerScheduleTest.direct());
        stopper.sampler = sampler;
        // WHEN
        sampler.loop();
        // THEN
        assertThat(seen.api()).extracting(ApiSample::at).containsExactly(Instant.parse("2026-11-27T21:00:00Z"),
                Instant.parse("2026-11-27T21:00:01Z"), Instant.parse("2026-11-27T21:00:02Z"));
        assertThat(seen.api().get(1).fresh()).isInstanceOfSatisfying(ProbeOutcome.Unobserved.class,
                u -> assertThat(u.reason()).isEqualTo("probe failed: java.util.concurrent.CancellationException: GET"
                        + " /readyz cancelled"));
    }

    @Test
    void a_probe_that_throws_after_recording_its_tick_is_not_counted_twice() {
        // GIVEN a probe that records every tick, then throws on tick 1
        Observations seen = new Observations();
        Recording probe = new Recording(seen, new CountDownLatch(0), false) {
            @Override
            public void sample(Tick tick) {
                super.sample(tick);
                if (tick.index() == 1) {
                    throw new IllegalStateException("after the record");
                }
            }
        };
        SamplerScheduleTest.LateClock clock = new SamplerScheduleTest.LateClock(0);
        SamplerScheduleTest.Counting stopper = new SamplerScheduleTest.Counting(3);
        Sampler sampler = new Sampler(Duration.ofSeconds(1), () -> Phase.PRESSURE, List.of(probe, stopper), clock,
                SamplerScheduleTest.direct());
        stopper.sampler = sampler;
        // WHEN
        sampler.loop();
        // THEN
        assertThat(seen.api()).hasSize(3).allSatisfy(s -> assertThat(s.fresh().ok()).isTrue());
    }
}
