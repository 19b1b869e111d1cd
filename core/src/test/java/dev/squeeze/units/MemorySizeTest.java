package dev.squeeze.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MemorySizeTest {

    @ParameterizedTest
    @CsvSource({
            "512Mi, 536870912",
            "2Gi, 2147483648",
            "1500M, 1500000000",
            "1G, 1000000000",
            "64Ki, 65536",
            "1048576, 1048576",
            "1.5Gi, 1610612736",
            "' 2Gi ', 2147483648"
    })
    void parses_kubernetes_quantities(String text, long bytes) {
        assertThat(MemorySize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000MB", "2 Gi", "-1Gi", "", "Gi", "1.5.2Mi", "twoGi"})
    void rejects_what_is_not_a_quantity_with_an_example_of_what_is(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> MemorySize.parse(text))
                .withMessageContaining("'" + text + "'")
                .withMessageContaining("such as 512Mi or 2Gi");
    }

    @Test
    void formats_in_the_largest_exact_binary_unit() {
        assertThat(MemorySize.parse("2Gi").toQuantity()).isEqualTo("2Gi");
        assertThat(MemorySize.parse("1536Mi").toQuantity()).isEqualTo("1536Mi");
        assertThat(MemorySize.parse("1000").toQuantity()).isEqualTo("1000");
        assertThat(MemorySize.ZERO.toQuantity()).isEqualTo("0");
    }

    @Test
    void arithmetic_and_human_readings() {
        MemorySize node = MemorySize.ofGibibytes(2);
        assertThat(node.minus(MemorySize.ofMebibytes(512))).isEqualTo(MemorySize.ofMebibytes(1536));
        assertThat(node.times(0.5)).isEqualTo(MemorySize.ofGibibytes(1));
        assertThat(node.toHuman()).isEqualTo("2.00 GiB");
        assertThat(MemorySize.ofMebibytes(300).toHuman()).isEqualTo("300.0 MiB");
    }
}
