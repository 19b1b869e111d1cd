package dev.squeeze.internal.probe;

import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PressureStall;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The node probe carries the wall's PSI reading on every tick, seen or not; a node without host files says why. */
@EnableKubernetesMockClient(crud = true, https = true)
class NodeProbePsiTest {

    private static final PressureStall READING = new PressureStall("host-wide /proc/pressure/memory", 12.5, 4.0,
            900L, 400L, "cgroup v1 memory:/squeeze-x", Map.of("oom_kill", 1L));

    KubernetesMockServer server;
    KubernetesClient client;

    private NodeMemorySource wall() {
        return new NodeMemorySource() {
            @Override
            public Reading read() {
                return new Reading(100L, "test wall");
            }

            @Override
            public PressureStall pressure() {
                return READING;
            }
        };
    }

    private NodeSample sampleOnce(NodeMemorySource wall) throws InterruptedException {
        Observations seen = new Observations();
        new NodeProbe(client, "k3s-node", 0, Duration.ofSeconds(2), seen, () -> "", wall)
                .sample(new Tick(0, Instant.now(), Phase.PRESSURE, Duration.ZERO));
        return seen.node().get(0);
    }

    @Test
    void a_seen_tick_carries_the_walls_psi() throws Exception {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-node").endMetadata().build()).create();

        NodeSample s = sampleOnce(wall());

        assertThat(s.observed()).isTrue();
        assertThat(s.psi()).isEqualTo(READING);
    }

    @Test
    void an_unobserved_tick_still_carries_the_walls_psi() throws Exception {
        NodeSample s = sampleOnce(wall());

        assertThat(s.observed()).isFalse();
        assertThat(s.psi()).isEqualTo(READING);
    }

    @Test
    void a_node_without_host_files_has_psi_unavailable_with_the_reason() throws Exception {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-node").endMetadata().build()).create();

        NodeSample s = sampleOnce(NodeMemorySource.unavailable("existing cluster"));

        assertThat(s.psi().available()).isFalse();
        assertThat(s.psi().source()).startsWith("unavailable: remote node, no host files");
    }

    @Test
    void a_remote_node_takes_the_kubelets_psi_when_its_summary_has_it() throws Exception {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-node").endMetadata().build()).create();
        server.expect().get().withPath("/api/v1/nodes/k3s-node/proxy/stats/summary").andReturn(200,
                "{\"node\":{\"memory\":{\"availableBytes\":300000000,\"psi\":{"
                        + "\"full\":{\"total\":1200,\"avg10\":3.5,\"avg60\":1,\"avg300\":0.2},"
                        + "\"some\":{\"total\":5400,\"avg10\":17.25,\"avg60\":4,\"avg300\":1}}}}}").always();

        NodeSample s = sampleOnce(NodeMemorySource.unavailable("existing cluster"));

        assertThat(s.psi()).isEqualTo(new PressureStall("kubelet /stats/summary node memory.psi (KubeletPSI, cgroup v2)",
                17.25, 3.5, 5400L, 1200L, null, null));
    }

    @Test
    void a_kubelet_reporting_all_zero_psi_totals_has_none() throws Exception {
        // GIVEN a kubelet on a cgroup v1 node: KubeletPSI on, but the struct is zero-filled (seen in CI's stand-in)
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-node").endMetadata().build()).create();
        server.expect().get().withPath("/api/v1/nodes/k3s-node/proxy/stats/summary").andReturn(200,
                "{\"node\":{\"memory\":{\"availableBytes\":300000000,\"psi\":{"
                        + "\"full\":{\"total\":0,\"avg10\":0,\"avg60\":0,\"avg300\":0},"
                        + "\"some\":{\"total\":0,\"avg10\":0,\"avg60\":0,\"avg300\":0}}}}}").always();

        NodeSample s = sampleOnce(NodeMemorySource.unavailable("existing cluster"));

        assertThat(s.psi().available()).isFalse();
        assertThat(s.psi().source()).contains("reports node memory.psi totals of 0 (some and full)");
        assertThat(s.psi().someAvg10()).isNull();
    }

    @Test
    void a_remote_node_whose_kubelet_has_no_psi_says_both_reasons() throws Exception {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-node").endMetadata().build()).create();
        server.expect().get().withPath("/api/v1/nodes/k3s-node/proxy/stats/summary").andReturn(200,
                "{\"node\":{\"memory\":{\"availableBytes\":300000000}}}").always();

        NodeSample s = sampleOnce(NodeMemorySource.unavailable("existing cluster"));

        assertThat(s.psi().source()).isEqualTo("unavailable: remote node, no host files; the kubelet's /stats/summary"
                + " has no node memory.psi (KubeletPSI needs Kubernetes 1.34 or later and a cgroup v2 node)");
    }

    @Test
    void a_cgroup_v2_kubelet_reporting_zero_psi_totals_has_a_reading_of_zero() throws Exception {
        // GIVEN a kubelet on a cgroup v2 node that has not stalled since boot: zeros, and kubelet_cgroup_version 2
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-node").endMetadata().build()).create();
        server.expect().get().withPath("/api/v1/nodes/k3s-node/proxy/stats/summary").andReturn(200,
                "{\"node\":{\"memory\":{\"availableBytes\":300000000,\"psi\":{"
                        + "\"full\":{\"total\":0,\"avg10\":0,\"avg60\":0,\"avg300\":0},"
                        + "\"some\":{\"total\":0,\"avg10\":0,\"avg60\":0,\"avg300\":0}}}}}").always();
        server.expect().get().withPath("/api/v1/nodes/k3s-node/proxy/metrics").andReturn(200,
                "# HELP kubelet_cgroup_version [ALPHA] cgroup version on the hosts.\n"
                        + "# TYPE kubelet_cgroup_version gauge\nkubelet_cgroup_version 2\n").always();

        // WHEN
        NodeSample s = sampleOnce(NodeMemorySource.unavailable("existing cluster"));

        // THEN the zeros are a reading: the baseline is 0, not the first stall
        assertThat(s.psi()).isEqualTo(new PressureStall("kubelet /stats/summary node memory.psi (KubeletPSI, cgroup v2)",
                0.0, 0.0, 0L, 0L, null, null));
    }

    @Test
    void the_kubelets_cgroup_version_tells_zero_fill_from_a_real_zero() {
        // GIVEN the same all-zero PSI from a v1 kubelet and a v2 one
        String zeros = "{\"node\":{\"memory\":{\"psi\":{\"full\":{\"total\":0,\"avg10\":0},"
                + "\"some\":{\"total\":0,\"avg10\":0}}}}}";

        // WHEN/THEN v1 zero-fill is no reading, v2 zeros are; the version comes from the kubelet's own gauge
        assertThat(KubeletPsi.parse(zeros, java.util.OptionalInt.of(1)).source())
                .isEqualTo("unavailable: the kubelet runs on cgroup v1 (kubelet_cgroup_version 1): its node memory.psi"
                        + " is zero-filled, not a reading");
        assertThat(KubeletPsi.parse(zeros, java.util.OptionalInt.of(2)).someTotalMicros()).isZero();
        assertThat(KubeletPsi.zeroTotals(zeros)).isTrue();
        assertThat(KubeletPsi.cgroupVersion("kubelet_cgroup_versions 7\nkubelet_cgroup_version 1\n")).hasValue(1);
        assertThat(KubeletPsi.cgroupVersion("kubelet_node_name{node=\"n\"} 1\n")).isEmpty();
    }
}
