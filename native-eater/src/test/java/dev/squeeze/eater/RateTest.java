package dev.squeeze.eater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTest {

    @Test
    void max_and_quantities_per_second() {
        assertThat(Rate.parse("max")).isEqualTo(new Rate.Max());
        assertThat(Rate.parse("50Mi/s")).isEqualTo(new Rate.Paced(50L << 20));
        assertThat(Rate.parse("1G/s")).isEqualTo(new Rate.Paced(1_000_000_000L));
        assertThat(Rate.parse("4096/s")).isEqualTo(new Rate.Paced(4096));
    }

    @ParameterizedTest
    @CsvSource({"max, max", "50Mi/s, 50Mi/s", "52428800/s, 50Mi/s"})
    void text_is_canonical(String typed, String canonical) {
        assertThat(Rate.parse(typed).text()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "50Mi       | --rate 50Mi/s",
        "50MiB/s    | --rate 50Mi/s",
        "50Mi/sec   | --rate 50Mi/s",
        "100mb/s    | --rate 100M/s",
        "0/s        | --rate 50Mi/s",
        "fast       | --rate 50Mi/s",
        "MAX        | --rate 50Mi/s",
        "50Mi/m     | --rate 50Mi/s",
    })
    void a_bad_rate_names_flag_value_and_example(String value, String example) {
        UsageException e = catchThrowableOfType(UsageException.class, () -> Rate.parse(value));

        assertThat(e.flag()).isEqualTo("--rate");
        assertThat(e).hasMessage("`--rate` must be a quantity per second above 0 such as 50Mi/s or 1Gi/s, or max, "
                + "but was '" + value + "'. For example: " + example);
    }
}
