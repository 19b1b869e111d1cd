package dev.squeeze.internal.probe;

import dev.squeeze.report.ClusterNode;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node but the target on each tick, against fabric8's mock API server: conditions, the kubelet's memory where
 * its summary answers, the Lease's renewTime; a node missing from the list is an unobserved tick for it, and an
 * unobserved tick is recorded for every other node.
 */
@EnableKubernetesMockClient(crud = true, https = true)
class ClusterNodesProbeTest {

    private static final Instant RENEWED = Instant.parse("2026-11-28T08:00:00Z");

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void cluster() {
        node("target", "True", "False", "worker", null);
        node("server", "True", "False", null, "control-plane");
        node("worker-2", "True", "True", "worker", null);
        client.leases().inNamespace("kube-node-lease").resource(new LeaseBuilder().withNewMetadata()
                .withName("worker-2").endMetadata().withNewSpec()
                .withRenewTime(ZonedDateTime.ofInstant(RENEWED, ZoneOffset.UTC)).endSpec().build()).create();
        server.expect().get().withPath("/api/v1/nodes/worker-2/proxy/stats/summary").andReturn(200,
                "{\"node\":{\"memory\":{\"availableBytes\":300000000,\"workingSetBytes\":1700000000}}}").always();
        server.expect().get().withPath("/api/v1/nodes/server/proxy/stats/summary").andReturn(502, "bad gateway")
                .always();
    }

    private void node(String name, String ready, String pressure, String profile, String role) {
        NodeBuilder b = new NodeBuilder().withNewMetadata().withName(name).endMetadata();
        if (role != null) {
            b.editMetadata().addToLabels("node-role.kubernetes.io/" + role, "true").endMetadata();
        }
        Node node = b.withNewStatus().addToCapacity("memory", new Quantity("2Gi"))
                .addToAllocatable("memory", new Quantity("1408Mi"))
                .addNewCondition().withType("Ready").withStatus(ready).endCondition()
                .addNewCondition().withType("MemoryPressure").withStatus(pressure).endCondition().endStatus().build();
        client.nodes().resource(node).create();
    }

    @Test
    void the_inventory_lists_every_node_target_first_with_roles_and_allocatable() {
        List<ClusterNode> nodes = ClusterNodesProbe.inventory(client, "worker-2");

        assertThat(nodes).extracting(ClusterNode::name).containsExactly("worker-2", "server", "target");
        assertThat(nodes).extracting(ClusterNode::target).containsExactly(true, false, false);
        assertThat(nodes.get(1).roles()).containsExactly("control-plane");
        assertThat(nodes.get(2).roles()).containsExactly("worker");
        assertThat(nodes.get(0).allocatableBytes()).isEqualTo(1408L << 20);
    }

    @Test
    void each_tick_samples_every_node_but_the_target() throws Exception {
        Observations seen = new Observations();
        ClusterNodesProbe probe = new ClusterNodesProbe(client, ClusterNodesProbe.inventory(client, "target"),
                Duration.ofSeconds(2), seen);

        probe.sample(new Tick(0, Instant.now(), Phase.PRESSURE, Duration.ZERO));

        assertThat(seen.node()).as("the target is NodeProbe's").isEmpty();
        assertThat(seen.otherNodes()).extracting(NodeSample::node).containsExactlyInAnyOrder("server", "worker-2");
        NodeSample worker = seen.otherNodes().stream().filter(s -> s.node().equals("worker-2")).findFirst().orElseThrow();
        assertThat(worker.observed()).isTrue();
        assertThat(worker.ready()).isTrue();
        assertThat(worker.memoryPressure()).isTrue();
        assertThat(worker.availableBytes()).isEqualTo(300_000_000L);
        assertThat(worker.workingSetBytes()).isEqualTo(1_700_000_000L);
        assertThat(worker.leaseRenewed()).isEqualTo(RENEWED);
        NodeSample server = seen.otherNodes().stream().filter(s -> s.node().equals("server")).findFirst().orElseThrow();
        assertThat(server.observed()).isTrue();
        assertThat(server.availableBytes()).as("its kubelet answered 502: memory unknown, node still seen").isNull();
    }

    @Test
    void a_node_gone_from_the_list_and_a_missed_tick_are_unobserved_ticks_for_the_other_nodes() throws Exception {
        Observations seen = new Observations();
        ClusterNodesProbe probe = new ClusterNodesProbe(client, ClusterNodesProbe.inventory(client, "target"),
                Duration.ofSeconds(2), seen);
        client.nodes().withName("server").delete();

        probe.sample(new Tick(0, Instant.now(), Phase.HOLD, Duration.ZERO));
        probe.unobserved(new Tick(1, Instant.now(), Phase.HOLD, Duration.ZERO), "skipped: still in flight");

        assertThat(seen.otherNodes()).filteredOn(s -> s.node().equals("server")).extracting(NodeSample::unobserved)
                .containsExactly("node server not in the node list", "skipped: still in flight");
        assertThat(seen.otherNodes()).filteredOn(s -> s.node().equals("worker-2")).extracting(NodeSample::observed)
                .containsExactly(true, false);
    }
}
