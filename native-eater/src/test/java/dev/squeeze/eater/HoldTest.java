package dev.squeeze.eater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HoldTest {

    @Test
    void forever_and_durations() {
        assertThat(Hold.parse("forever")).isEqualTo(new Hold.Forever());
        assertThat(Hold.parse("2m")).isEqualTo(new Hold.For(Duration.ofMinutes(2)));
        assertThat(Hold.parse("PT30S")).isEqualTo(new Hold.For(Duration.ofSeconds(30)));
        assertThat(Hold.parse("0")).isEqualTo(new Hold.For(Duration.ZERO));
    }

    @Test
    void text_is_forever_or_iso() {
        assertThat(Hold.parse("forever").text()).isEqualTo("forever");
        assertThat(Hold.parse("1h30m").text()).isEqualTo("PT1H30M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "soon", "-1s", "Forever", "PT-1S", "1.5h", "infinity"})
    void a_bad_hold_names_flag_value_and_example(String value) {
        UsageException e = catchThrowableOfType(UsageException.class, () -> Hold.parse(value));

        assertThat(e.flag()).isEqualTo("--hold");
        assertThat(e).hasMessage("`--hold` must be a duration such as 30s, 2m, 1h30m, 1500ms or PT30S, or forever, "
                + "but was '" + value + "'. For example: --hold 2m");
    }
}
