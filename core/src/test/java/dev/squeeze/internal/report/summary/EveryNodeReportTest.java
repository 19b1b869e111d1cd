package dev.squeeze.internal.report.summary;

import dev.squeeze.internal.report.json.ReportReader;
import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterNode;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.assertions.SqueezeAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A three-node report: the JSON summary and the HTML list every node and mark the target; {@code node()} assertions
 * stay about the target; a workload pod evicted from the target and its replacement on another worker are reported
 * as moved; the report reads back equal.
 */
class EveryNodeReportTest {

    private static final long MI = 1L << 20;

    static ChaosReport threeNodes() {
        ChaosReport r = ReportFixtures.evictionScenario();
        List<NodeSample> others = new ArrayList<>();
        List<PodSample> pods = new ArrayList<>(r.pods().stream().filter(p -> p.role() != PodRole.WORKLOAD).toList());
        Map<String, String> web = Map.of("app", "web", "pod-template-hash", "6f7c");
        for (int s = 0; s <= 66; s++) {
            Phase phase = ReportFixtures.phaseAt(s);
            others.add(new NodeSample(t(s), phase, "worker-2", true, false, 900 * MI, 1100 * MI, t(s - s % 10)));
            others.add(s >= 30 && s < 35 ? NodeSample.unobserved(t(s), phase, "server", "LIST nodes failed: timeout")
                    : new NodeSample(t(s), phase, "server", s < 40, false, null, null, t(s - s % 10)));
            pods.add(new PodSample(t(s), phase, "default", "web-6f7c-abc", PodRole.WORKLOAD, s >= 20 ? "Failed"
                    : "Running", s < 20, 0, s >= 20 ? "Evicted" : null, 180 * MI, web, "k3s-node"));
            pods.add(new PodSample(t(s), phase, "default", "web-6f7c-def", PodRole.WORKLOAD, "Running", true, 0, null,
                    180 * MI, web, "worker-2"));
            if (s >= 22) {
                pods.add(new PodSample(t(s), phase, "default", "web-6f7c-xyz", PodRole.WORKLOAD, s >= 25 ? "Running"
                        : "Pending", s >= 25, 0, null, 50 * MI, web, s >= 23 ? "worker-2" : null));
            }
        }
        pods.sort(java.util.Comparator.comparing(PodSample::at));
        List<ClusterNode> nodes = List.of(
                new ClusterNode("k3s-node", List.of("worker"), true, 2048 * MI, 1536 * MI),
                new ClusterNode("server", List.of("control-plane", "master"), false, 2048 * MI, 1024 * MI),
                new ClusterNode("worker-2", List.of("worker"), false, 2048 * MI, 1408 * MI));
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster(), r.hogSpec(), r.phases(), r.api(),
                r.node(), pods, r.hog(), r.events(), r.http(), r.hogOutcome(), r.notes(), nodes, others);
    }

    @Test
    void the_json_summary_lists_every_node_with_the_target_marked() {
        JsonNode summary = JsonMapper.builder().build().readTree(ReportWriter.toJson(threeNodes())).path("summary");

        JsonNode nodes = summary.path("nodes");
        assertThat(nodes.values()).extracting(n -> n.path("node").asString())
                .containsExactly("k3s-node", "server", "worker-2");
        assertThat(nodes.values()).extracting(n -> n.path("target").asBoolean()).containsExactly(true, false, false);
        assertThat(nodes.get(1).path("roles").values()).extracting(JsonNode::asString)
                .containsExactly("control-plane", "master");
        assertThat(nodes.get(0).path("memoryPressureEpisodes").asInt()).as("the target's pressure").isEqualTo(1);
        assertThat(nodes.get(1).path("notReady").values()).as("the server went NotReady at +40")
                .singleElement().satisfies(s -> assertThat(s.path("start").asString()).isEqualTo(t(40).toString()));
        assertThat(nodes.get(1).path("observedTicks").asInt()).isEqualTo(62);
        assertThat(nodes.get(2).path("allocatableBytes").asLong()).isEqualTo(1408 * MI);
        assertThat(nodes.get(2).path("minAvailableBytes").asLong()).isEqualTo(900 * MI);
    }

    @Test
    void a_pod_evicted_from_the_target_and_its_replacement_on_another_worker_are_reported_as_moved() {
        ChaosReport r = threeNodes();

        assertThat(PodMoves.of(r)).singleElement().isEqualTo(new PodMoves.Move("default/web-6f7c-abc", "k3s-node",
                t(20), "default/web-6f7c-xyz", "worker-2", t(25)));
        JsonNode moved = JsonMapper.builder().build().readTree(ReportWriter.toJson(r)).path("summary").path("moved");
        assertThat(moved.values()).singleElement().satisfies(m -> {
            assertThat(m.path("toNode").asString()).isEqualTo("worker-2");
            assertThat(m.path("readyAt").asString()).isEqualTo(t(25).toString());
        });
        assertThat(PodMoves.of(r).get(0).describe(r.started()))
                .isEqualTo("default/web-6f7c-abc evicted from k3s-node at +00:20 -> default/web-6f7c-xyz on worker-2,"
                        + " Ready at +00:25");
    }

    @Test
    void the_html_has_one_row_per_node_with_the_target_marked_and_the_moved_pods() {
        String html = ReportWriter.toHtml(threeNodes());

        String table = html.substring(html.indexOf("<section id=\"nodes\">"), html.indexOf("<section id=\"pods\">"));
        Matcher rows = Pattern.compile("<tr class=\"([^\"]*)\"><td>([^<]+)").matcher(table);
        List<String> seen = new ArrayList<>();
        while (rows.find()) {
            seen.add(rows.group(2).strip() + (rows.group(1).equals("target-row") ? " (target)" : ""));
        }
        assertThat(seen).startsWith("k3s-node (target)", "server", "worker-2");
        assertThat(table).contains("<span class=\"pill ev-pressure\">target</span>")
                .contains("control-plane,master").contains("<h3>Moved</h3>").contains("default/web-6f7c-xyz")
                .contains("+00:40 until the end");
    }

    @Test
    void node_assertions_stay_about_the_target_and_the_report_reads_back_equal() {
        ChaosReport r = threeNodes();

        SqueezeAssertions.assertThat(r).node().stayedReady().hadMemoryPressure();
        assertThat(NodeHistory.of(r)).extracting(NodeHistory::node).containsExactly("k3s-node");
        assertThat(ReportReader.fromJson(ReportWriter.toJson(r))).isEqualTo(r);
    }
}
