package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writes_a_flat_object_in_field_order() {
        String json = new JsonWriter().string("phase", "hold").number("n", -5).number("none", OptionalLong.empty())
                .number("some", OptionalLong.of(7)).bool("mlock", false).end();

        assertThat(json).isEqualTo("{\"phase\":\"hold\",\"n\":-5,\"none\":null,\"some\":7,\"mlock\":false}");
    }

    @Test
    void escapes_quotes_backslashes_controls_and_everything_beyond_ascii() {
        String json = new JsonWriter().string("s", "a\"b\\c\nd\te\u00e9\u2013").end();

        assertThat(json).isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\u0009e\\u00e9\\u2013\"}");
    }

    @Test
    void millis_have_three_decimals() {
        assertThat(new JsonWriter().millis("m", 58_491_999L).end()).isEqualTo("{\"m\":58.491}");
        assertThat(new JsonWriter().millis("m", 1_005_000L).end()).isEqualTo("{\"m\":1.005}");
        assertThat(new JsonWriter().millis("m", 12_345_060_000L).end()).isEqualTo("{\"m\":12345.060}");
        assertThat(new JsonWriter().millis("m", 0).end()).isEqualTo("{\"m\":0.000}");
    }

    @Test
    void instants_have_six_fraction_digits_and_parse_back() {
        Instant instant = Instant.parse("2025-11-27T20:42:40.123456Z");

        assertThat(IsoTime.format(instant)).isEqualTo("2025-11-27T20:42:40.123456Z");
        assertThat(IsoTime.format(Instant.parse("2025-01-02T03:04:05Z"))).isEqualTo("2025-01-02T03:04:05.000000Z");
        assertThat(IsoTime.format(Instant.parse("2024-02-29T23:59:59.999999999Z"))).isEqualTo("2024-02-29T23:59:59.999999Z");
        Instant now = Instant.now();
        assertThat(Instant.parse(IsoTime.format(now))).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
