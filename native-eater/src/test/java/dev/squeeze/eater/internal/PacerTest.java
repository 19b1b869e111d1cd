package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long MI = 1L << 20;

    @Test
    void first_chunk_is_due_at_once_and_each_next_one_a_period_later() {
        Pacer pacer = new Pacer(200 * MI);

        assertThat(pacer.dueNanos(0)).isZero();
        assertThat(pacer.periodNanos(MI)).isEqualTo(5_000_000L);
        assertThat(pacer.dueNanos(100 * MI)).isEqualTo(500_000_000L);
        assertThat(pacer.dueNanos(1000 * MI)).isEqualTo(5_000_000_000L);
    }

    @Test
    void schedule_is_absolute_so_rounding_never_accumulates() {
        // 3 bytes/s: a period of 1/3 s cannot be represented in nanoseconds, the schedule still lands exactly
        Pacer pacer = new Pacer(3);

        assertThat(pacer.dueNanos(1)).isEqualTo(333_333_333L);
        assertThat(pacer.dueNanos(2)).isEqualTo(666_666_666L);
        assertThat(pacer.dueNanos(3_000_000)).isEqualTo(1_000_000L * 1_000_000_000L);
    }

    @Test
    void rates_above_9_gb_per_second_do_not_overflow() {
        Pacer pacer = new Pacer(64L << 30);

        assertThat(pacer.dueNanos((64L << 30) - 1)).isEqualTo(999_999_999L);
        assertThat(pacer.dueNanos(64L << 40)).isEqualTo(1024 * 1_000_000_000L);
    }

    @Test
    void fill_of_256_mi_at_128_mi_per_second_starts_its_last_chunk_after_1992_ms() {
        Pacer pacer = new Pacer(128 * MI);

        assertThat(pacer.dueNanos(255 * MI)).isEqualTo(1_992_187_500L);
    }

    @Test
    void refuses_a_rate_of_zero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Pacer(0))
                .withMessage("bytesPerSecond must be more than 0, but was 0");
    }
}
