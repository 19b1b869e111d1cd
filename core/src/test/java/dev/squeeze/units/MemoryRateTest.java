package dev.squeeze.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MemoryRateTest {

    @Test
    void parses_a_quantity_per_second_and_max() {
        assertThat(MemoryRate.parse("50Mi/s").bytesPerSecond()).isEqualTo(50L << 20);
        assertThat(MemoryRate.parse("MAX").isMax()).isTrue();
        assertThat(MemoryRate.parse("100Mi/s").toArgument()).isEqualTo("100Mi/s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50Mi", "fast", "50MB/s", "/s"})
    void rejects_other_forms_with_an_example(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> MemoryRate.parse(text))
                .withMessageContaining("such as");
    }

    @Test
    void a_zero_rate_is_refused_because_it_would_never_fill() {
        assertThatIllegalArgumentException().isThrownBy(() -> MemoryRate.parse("0Mi/s"))
                .withMessageContaining("'max'");
    }
}
