package dev.squeeze.eater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeSpecTest {

    @Test
    void quantities_are_bytes() {
        assertThat(SizeSpec.parse("512Mi")).isEqualTo(new SizeSpec.Bytes(512L << 20));
        assertThat(SizeSpec.parse("1500M")).isEqualTo(new SizeSpec.Bytes(1_500_000_000L));
        assertThat(SizeSpec.parse("4096")).isEqualTo(new SizeSpec.Bytes(4096));
    }

    @Test
    void percentages_name_their_basis() {
        assertThat(SizeSpec.parse("50%cgroup")).isEqualTo(new SizeSpec.Percent(50, SizeBasis.CGROUP));
        assertThat(SizeSpec.parse("12.5%memtotal")).isEqualTo(new SizeSpec.Percent(12.5, SizeBasis.MEMTOTAL));
        assertThat(SizeSpec.parse("100%memavailable")).isEqualTo(new SizeSpec.Percent(100, SizeBasis.MEMAVAILABLE));
    }

    @ParameterizedTest
    @CsvSource({"512Mi, 512Mi", "1073741824, 1Gi", "1500M, 1500M", "50%cgroup, 50%cgroup", "12.50%memtotal, 12.5%memtotal"})
    void text_is_canonical_and_parses_back(String typed, String canonical) {
        SizeSpec spec = SizeSpec.parse(typed);

        assertThat(spec.text()).isEqualTo(canonical);
        assertThat(SizeSpec.parse(spec.text())).isEqualTo(spec);
    }

    @Test
    void a_percentage_of_a_basis_rounds_down() {
        assertThat(new SizeSpec.Percent(50, SizeBasis.CGROUP).of(1001)).isEqualTo(500);
        assertThat(new SizeSpec.Percent(12.5, SizeBasis.MEMTOTAL).of(1L << 30)).isEqualTo(128L << 20);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3000MB | --size 3000M",
        "2GiB   | --size 2Gi",
        "512m   | --size 512Mi",
        "lots   | --size 512Mi",
        "-1Gi   | --size 512Mi",
        "1e9    | --size 512Mi",
    })
    void a_bad_quantity_names_flag_value_expectation_and_example(String value, String example) {
        UsageException e = catchThrowableOfType(UsageException.class, () -> SizeSpec.parse(value));

        assertThat(e.flag()).isEqualTo("--size");
        assertThat(e.value()).isEqualTo(value);
        assertThat(e).hasMessage("`--size` must be " + SizeSpec.EXPECTED + ", but was '" + value
                + "'. For example: " + example);
    }

    @Test
    void zero_bytes_is_refused() {
        assertThat(catchThrowableOfType(UsageException.class, () -> SizeSpec.parse("0Mi")))
                .hasMessage("`--size` must be more than 0 bytes, but was '0Mi'. For example: --size 512Mi");
    }

    @Test
    void a_percentage_without_basis_asks_for_one() {
        assertThat(catchThrowableOfType(UsageException.class, () -> SizeSpec.parse("50%")))
                .hasMessage("`--size` must be a percentage with its basis named (cgroup, memtotal or memavailable), "
                        + "but was '50%'. For example: --size 50%cgroup");
    }

    @Test
    void a_percentage_of_an_unknown_basis_lists_the_known_ones() {
        assertThat(catchThrowableOfType(UsageException.class, () -> SizeSpec.parse("50%node")))
                .hasMessage("`--size` must be a percentage of a known basis (cgroup, memtotal or memavailable), "
                        + "but was '50%node'. For example: --size 50%cgroup");
    }

    @ParameterizedTest
    @CsvSource({"0%cgroup", "150%cgroup", "-5%cgroup", "abc%cgroup", "1e1%cgroup", "NaN%cgroup", "5.%cgroup", "%cgroup"})
    void a_percentage_out_of_range_or_not_a_plain_number_is_refused(String value) {
        UsageException e = catchThrowableOfType(UsageException.class, () -> SizeSpec.parse(value));

        assertThat(e).hasMessage("`--size` must be a percentage above 0 and at most 100 (ask for more as a quantity "
                + "such as 3Gi), but was '" + value + "'. For example: --size 50%cgroup");
    }
}
