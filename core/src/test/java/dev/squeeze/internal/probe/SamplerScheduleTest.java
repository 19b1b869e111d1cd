package dev.squeeze.internal.probe;

import dev.squeeze.report.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SamplerScheduleTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Instant ORIGIN = Instant.parse("2026-11-27T21:00:00Z");

    /** A clock that wakes every park late by a chosen amount, never on time. */
    static class LateClock implements TickClock {
        final List<Long> parkedUntil = new ArrayList<>();
        final long[] lateness;
        long now = 5 * SECOND;

        LateClock(long... lateness) {
            this.lateness = lateness;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Instant now() {
            return ORIGIN;
        }

        @Override
        public void parkUntil(long deadline) {
            parkedUntil.add(deadline);
            now = Math.max(now, deadline) + lateness[(parkedUntil.size() - 1) % lateness.length];
        }
    }

    /** Records its ticks and stops the sampler after {@code n}. */
    static class Counting implements Probe {
        final List<Tick> ticks = new CopyOnWriteArrayList<>();
        final int stopAfter;
        Sampler sampler;

        Counting(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void sample(Tick tick) {
            ticks.add(tick);
            if (ticks.size() == stopAfter) {
                sampler.close();
            }
        }
    }

    private static Sampler sampler(TickClock clock, ExecutorService workers, Probe... probes) {
        return new Sampler(Duration.ofSeconds(1), () -> Phase.PRESSURE, List.of(probes), clock, workers);
    }

    @Test
    void ticks_are_due_on_an_absolute_schedule_however_late_each_wake_up_is() {
        LateClock clock = new LateClock(300_000_000L, 0, 900_000_000L, 10_000_000L);
        Counting probe = new Counting(8);
        Sampler sampler = sampler(clock, direct(), probe);
        probe.sampler = sampler;

        sampler.loop();

        long origin = 5 * SECOND;
        assertThat(clock.parkedUntil).containsExactly(origin, origin + SECOND, origin + 2 * SECOND, origin + 3 * SECOND,
                origin + 4 * SECOND, origin + 5 * SECOND, origin + 6 * SECOND, origin + 7 * SECOND);
        assertThat(probe.ticks).extracting(Tick::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(probe.ticks.get(7).due()).isEqualTo(ORIGIN.plusSeconds(7));
        assertThat(probe.ticks).extracting(t -> t.lateness().toMillis()).containsExactly(300L, 0L, 900L, 10L, 300L, 0L, 900L, 10L);
        assertThat(sampler.stats().maxLateness()).isEqualTo(Duration.ofMillis(900));
        assertThat(sampler.stats().missedTicks()).isZero();
    }

    @Test
    void a_sampler_a_whole_tick_behind_skips_to_the_current_slot_instead_of_bursting() {
        LateClock clock = new LateClock(0, 2_500_000_000L, 0, 0);
        Counting probe = new Counting(4);
        Sampler sampler = sampler(clock, direct(), probe);
        probe.sampler = sampler;

        sampler.loop();

        assertThat(probe.ticks).extracting(Tick::index).containsExactly(0L, 3L, 4L, 5L);
        assertThat(probe.ticks.get(1).lateness()).isEqualTo(Duration.ofMillis(500));
        assertThat(sampler.stats().missedTicks()).isEqualTo(2);
    }

    @Test
    void a_slow_probe_skips_its_ticks_without_delaying_the_others() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Tick> slowTicks = new CopyOnWriteArrayList<>();
        Probe slow = new Probe() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void sample(Tick tick) throws InterruptedException {
                slowTicks.add(tick);
                release.await();
            }
        };
        // the fake clock lets the next tick come only once the fast probe has finished the previous one
        Semaphore fastDone = new Semaphore(0);
        Counting fast = new Counting(6) {
            @Override
            public boolean overlapping() {
                return true; // its permit is released inside sample(), before the sampler marks it idle
            }

            @Override
            public void sample(Tick tick) {
                super.sample(tick);
                fastDone.release();
            }
        };
        LateClock clock = new LateClock(0) {
            @Override
            public void parkUntil(long deadline) {
                if (!parkedUntil.isEmpty()) {
                    try {
                        assertThat(fastDone.tryAcquire(10, TimeUnit.SECONDS)).as("fast probe ran").isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.parkUntil(deadline);
            }
        };
        ExecutorService workers = Executors.newCachedThreadPool();
        Sampler sampler = sampler(clock, workers, slow, fast);
        fast.sampler = sampler;

        Thread loop = new Thread(sampler::loop);
        loop.start();
        loop.join(TimeUnit.SECONDS.toMillis(20));
        release.countDown();

        assertThat(loop.isAlive()).isFalse();
        assertThat(fast.ticks).extracting(Tick::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(slowTicks).extracting(Tick::index).containsExactly(0L);
        assertThat(sampler.stats().skipped()).containsEntry("slow", 5);
    }

    static ExecutorService direct() {
        return new java.util.concurrent.AbstractExecutorService() {
            private volatile boolean shut;

            @Override
            public void execute(Runnable command) {
                command.run();
            }

            @Override
            public void shutdown() {
                shut = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shut = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shut;
            }

            @Override
            public boolean isTerminated() {
                return shut;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return true;
            }
        };
    }
}
