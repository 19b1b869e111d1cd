package dev.squeeze.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonRoundTripTest {

    @Test
    void a_written_report_reads_back_equal(@TempDir Path dir) {
        // GIVEN
        ChaosReport report = ReportFixtures.evictionScenario();
        // WHEN
        ReportFiles files = ReportWriter.write(report, dir.resolve("nested"));
        ChaosReport read = ReportReader.read(files.json());
        // THEN
        assertThat(read).isEqualTo(report);
        assertThat(files.json().getFileName()).hasToString("EvictionTest-bestEffortHogIsEvicted.json");
    }

    @Test
    void an_empty_report_round_trips_too() {
        ChaosReport empty = ReportFixtures.empty();
        assertThat(ReportReader.fromJson(ReportWriter.toJson(empty))).isEqualTo(empty);
    }

    @Test
    void the_json_has_the_documented_shape_and_summary() {
        String json = ReportWriter.toJson(ReportFixtures.evictionScenario());
        assertThat(json).contains("\"schemaVersion\" : 1", "\"started\" : \"2025-11-27T12:00:00Z\"",
                "\"durationMillis\" : 66000", "\"latencyMillis\" : 1000.0", "\"summary\"",
                "\"longestGapMillis\" : 3000", "\"longestGapStart\" : \"2025-11-27T12:00:15Z\"",
                "\"memoryPressureFirstSeen\" : \"2025-11-27T12:00:14Z\"", "\"timeToHogFateMillis\" : 13000",
                "\"starved_resource\" : \"memory\"");
    }

    @Test
    void another_schema_version_is_refused_with_the_fix() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportReader.fromJson("{\"schemaVersion\": 2}"))
                .withMessage("Squeeze report (string) has schemaVersion 2 but this version of Squeeze reads"
                        + " schemaVersion 1; read it with the Squeeze version that wrote it");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportReader.fromJson("{not json"))
                .withMessageStartingWith("Squeeze report (string) is not valid JSON: ");
    }

    @Test
    void report_names_become_safe_file_stems() {
        assertThat(ReportWriter.fileStem("EvictionTest#hogIsEvicted()")).isEqualTo("EvictionTest-hogIsEvicted");
        assertThat(ReportWriter.fileStem("a/../b c")).isEqualTo("a-..-b-c");
        assertThat(ReportWriter.fileStem("  ")).isEqualTo("squeeze-report");
        assertThat(ReportWriter.fileStem("x".repeat(300))).hasSize(120);
    }
}
