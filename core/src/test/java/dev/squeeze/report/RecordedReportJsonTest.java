package dev.squeeze.report;

import dev.squeeze.internal.report.json.ReportReader;
import dev.squeeze.internal.report.json.ReportWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The JSON schema stays byte-for-byte across refactorings: a report recorded with an earlier build (the eviction
 * scenario, written before the report packages were split) reads back and writes out to the very same bytes.
 */
class RecordedReportJsonTest {

    @Test
    void a_recorded_report_is_written_back_byte_for_byte() throws IOException {
        // GIVEN the JSON an earlier build wrote
        String recorded = resource("/recorded/eviction-scenario.json");
        // WHEN it is read and written again
        String written = ReportWriter.toJson(ReportReader.fromJson(recorded));
        // THEN
        assertThat(written).isEqualTo(recorded);
    }

    @Test
    void todays_writer_writes_the_recorded_bytes_for_the_same_report() throws IOException {
        assertThat(ReportWriter.toJson(ReportFixtures.evictionScenario()))
                .isEqualTo(resource("/recorded/eviction-scenario.json"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RecordedReportJsonTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
