package dev.squeeze.internal.report.json;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.report.ReportFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void the_resource_audit_round_trips_and_is_summarised(@TempDir Path dir) throws java.io.IOException {
        ChaosReport report = ReportFixtures.evictionScenario();
        ReportFiles files = ReportWriter.write(report, dir);
        assertThat(ReportReader.read(files.json()).cluster().resources()).isEqualTo(ReportFixtures.audit());
        String json = java.nio.file.Files.readString(files.json()).replaceAll("\\s", "");
        // 2 x 256Mi limits over 1536Mi allocatable; the BestEffort sidecar's missing limit is named
        assertThat(json).contains("\"resources\":{\"node\":\"k3s-node\",\"requestsBytes\":268435456,"
                + "\"limitsBytes\":536870912,\"allocatableBytes\":1610612736,\"capacityBytes\":25769803776,"
                + "\"limitsOverAllocatable\":0.3333333333333333,\"requestsOverAllocatable\":0.16666666666666666")
                .contains("\"name\":\"sidecar\",\"node\":\"k3s-node\",\"qos\":\"BestEffort\",\"requestsBytes\":0,"
                        + "\"limitsBytes\":0,\"containersWithoutLimits\":[\"tail\"]");
        assertThat(json.split("\"limitsOverAllocatable\"")).hasSize(3); // cluster.resources and summary.resources
    }

    @Test
    void unobserved_ticks_round_trip_as_unobserved() {
        // GIVEN API, HTTP and node ticks nobody observed
        ChaosReport scenario = ReportFixtures.evictionScenario();
        List<ApiSample> api = new ArrayList<>(scenario.api());
        ApiSample a = api.get(20);
        api.set(20, new ApiSample(a.at(), a.phase(), ProbeOutcome.unobserved("skipped: the sampler fell behind"),
                ProbeOutcome.unobserved("in flight at close")));
        List<HttpSample> http = new ArrayList<>(scenario.http());
        HttpSample h = http.get(21);
        http.set(21, new HttpSample(h.at(), h.phase(), ProbeOutcome.unobserved("missed")));
        ChaosReport report = ReportFixtures.withHttp(ReportFixtures.nodeUnobserved(
                ReportFixtures.with(scenario, api, null, null), 30, 35, "the API server did not answer in 2s"), http);
        // WHEN
        ChaosReport read = ReportReader.fromJson(ReportWriter.toJson(report));
        // THEN
        assertThat(read).isEqualTo(report);
        assertThat(read.api().get(20).pooled()).isEqualTo(ProbeOutcome.unobserved("in flight at close"));
        assertThat(read.node().get(31).observed()).isFalse();
        assertThat(read.node().get(31).unobserved()).isEqualTo("the API server did not answer in 2s");
        assertThat(ReportWriter.toJson(report)).contains("\"unobserved\" : \"missed\"",
                "\"signal\" : \"node k3s-node\"", "\"scheduledTicks\" : 67", "\"observedTicks\" : 61");
    }

    @Test
    void the_ready_condition_s_words_round_trip() {
        ChaosReport scenario = ReportFixtures.evictionScenario();
        List<NodeSample> node = new ArrayList<>(scenario.node());
        node.set(30, node.get(30).withNotReady("Unknown NodeStatusUnknown: Kubelet stopped posting node status."));
        ChaosReport report = ReportFixtures.with(scenario, null, node, null);

        ChaosReport read = ReportReader.fromJson(ReportWriter.toJson(report));

        assertThat(read).isEqualTo(report);
        assertThat(read.node().get(30).notReady()).isEqualTo(
                "Unknown NodeStatusUnknown: Kubelet stopped posting node status.");
        assertThat(read.node().get(29).notReady()).isNull();
        assertThat(ReportWriter.toJson(report))
                .contains("\"notReady\" : \"Unknown NodeStatusUnknown: Kubelet stopped posting node status.\"");
    }

    @Test
    void a_version_1_report_still_reads() {
        String v1 = ReportWriter.toJson(ReportFixtures.evictionScenario()).replace("\"schemaVersion\" : 2",
                "\"schemaVersion\" : 1");
        assertThat(ReportReader.fromJson(v1)).isEqualTo(ReportFixtures.evictionScenario());
    }

    @Test
    void an_empty_report_round_trips_too() {
        ChaosReport empty = ReportFixtures.empty();
        assertThat(ReportReader.fromJson(ReportWriter.toJson(empty))).isEqualTo(empty);
    }

    @Test
    void the_json_has_the_documented_shape_and_summary() {
        String json = ReportWriter.toJson(ReportFixtures.evictionScenario());
        assertThat(json).contains("\"schemaVersion\" : 2", "\"started\" : \"2025-11-27T12:00:00Z\"",
                "\"durationMillis\" : 66000", "\"latencyMillis\" : 1000.0", "\"summary\"",
                "\"longestGapMillis\" : 3000", "\"longestGapStart\" : \"2025-11-27T12:00:15Z\"",
                "\"memoryPressureFirstSeen\" : \"2025-11-27T12:00:14Z\"", "\"timeToHogFateMillis\" : 13000",
                "\"starved_resource\" : \"memory\"",
                "\"validity\" : {", "\"valid\" : true", "\"pressureFraction\" : 0.9");
    }

    @Test
    void another_schema_version_is_refused_with_the_fix() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportReader.fromJson("{\"schemaVersion\": 3}"))
                .withMessage("Squeeze report (string) has schemaVersion 3 but this version of Squeeze reads"
                        + " schemaVersion 1 to 2; read it with the Squeeze version that wrote it");
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
