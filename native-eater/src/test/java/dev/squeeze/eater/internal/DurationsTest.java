package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "30s, PT30S", "2m, PT2M", "1h, PT1H", "1h30m, PT1H30M", "1m30s, PT1M30S", "1500ms, PT1.5S", "1d, PT24H",
        "0, PT0S", "0s, PT0S", "PT30S, PT30S", "pt2m, PT2M", "P1DT1H, PT25H",
    })
    void parses_short_and_iso_durations(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "s", "30x", "1h30", "-5s", "PT-5S", "P", "1.5h", "30 s", "99999999999999999999s"})
    void refuses_anything_else(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text));
    }
}
