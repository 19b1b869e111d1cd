package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({
        "512Mi, 536870912", "2Gi, 2147483648", "64Ki, 65536", "1Ti, 1099511627776", "1Ei, 1152921504606846976",
        "1500M, 1500000000", "1G, 1000000000", "100k, 100000", "2T, 2000000000000",
        "1073741824, 1073741824", "0, 0",
        "1.5Gi, 1610612736", "0.5Ki, 512", "1.0000000001Ki, 1025", ".5Mi, 524288",
    })
    void parses_kubernetes_quantities_rounding_fractions_up(String text, long bytes) {
        assertThat(Quantities.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Mi", ".", "3000MB", "512m", "1e9", "-1Gi", "1 Gi", "1.2.3Gi", "8Ei", "99999999999999999999"})
    void refuses_anything_else(String text) {
        assertThatThrownBy(() -> Quantities.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"536870912, 512Mi", "1610612736, 1536Mi", "1500000000, 1500M", "1000, 1k", "4097, 4097", "0, 0"})
    void formats_the_shortest_exact_quantity(long bytes, String text) {
        assertThat(Quantities.format(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
        "3000MB, 3000M", "2GiB, 2Gi", "512mi, 512Mi", "512MIB, 512Mi", "1g, 1Gi", "512m, 512Mi",
        "10kb, 10k", "10KB, 10k", "512 Mi, 512Mi", "1_000M, 1000M",
    })
    void suggests_the_quantity_a_near_miss_meant(String typed, String meant) {
        assertThat(Quantities.suggest(typed)).hasValue(meant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"512Mi", "lots", "Gi", "12parsecs"})
    void suggests_nothing_without_an_obvious_fix(String typed) {
        assertThat(Quantities.suggest(typed)).isEmpty();
    }
}
