package dev.squeeze.internal.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.internal.kube.SqueezeMockKube;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.PodResources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit as read back from the API server: effective requests/limits, QoS, unbounded containers, the node. */
class ResourceAuditsTest {

    private static final long MI = 1L << 20;

    private static Container container(String name, String request, String limit) {
        ContainerBuilder b = new ContainerBuilder().withName(name).withImage("nginx");
        if (request != null) {
            b.editOrNewResources().addToRequests("memory", new Quantity(request)).endResources();
        }
        if (limit != null) {
            b.editOrNewResources().addToLimits("memory", new Quantity(limit)).endResources();
        }
        return b.build();
    }

    private static void pod(KubernetesClient c, String name, String app, String qos, List<Container> init,
                            Container... containers) {
        pod(c, "node-1", name, app, qos, init, containers);
    }

    private static void pod(KubernetesClient c, String node, String name, String app, String qos, List<Container> init,
                            Container... containers) {
        c.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName(name).withNamespace("shop")
                .withLabels(Map.of("app", app)).endMetadata().withNewSpec().withNodeName(node)
                .withInitContainers(init).withContainers(containers).endSpec()
                .withNewStatus().withQosClass(qos).endStatus().build()).create();
    }

    @Test
    void reads_effective_requests_and_limits_qos_and_unbounded_containers_against_the_node() {
        try (SqueezeMockKube kube = new SqueezeMockKube()) {
            KubernetesClient c = kube.client();
            c.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().withNewStatus()
                    .addToAllocatable("memory", new Quantity("1536Mi")).addToCapacity("memory", new Quantity("2Gi"))
                    .endStatus().build()).create();
            // two containers summed; a limit without a request defaults the request to the limit
            pod(c, "web-0", "web", "Burstable", List.of(), container("app", "64Mi", "1200Mi"),
                    container("proxy", null, "100Mi"));
            // an init container bigger than the sum of the containers sets the effective values
            pod(c, "web-1", "web", "Guaranteed", List.of(container("migrate", "512Mi", "512Mi")),
                    container("app", "256Mi", "256Mi"));
            pod(c, "db-0", "db", "BestEffort", List.of(), container("db", null, null));
            pod(c, "other", "other", "BestEffort", List.of(), container("x", null, null));

            ResourceAudit a = ResourceAudits.capture(c, "shop", "node-1", List.of("app=web", "app=db"));

            assertThat(a.allocatableBytes()).isEqualTo(1536 * MI);
            assertThat(a.capacityBytes()).isEqualTo(2048 * MI);
            assertThat(a.pods()).containsExactlyInAnyOrder(
                    new PodResources("web-0", "node-1", "Burstable", 164 * MI, 1300 * MI, List.of()),
                    new PodResources("web-1", "node-1", "Guaranteed", 512 * MI, 512 * MI, List.of()),
                    new PodResources("db-0", "node-1", "BestEffort", 0, 0, List.of("db")));
            assertThat(a.limitsBytes()).isEqualTo(1812 * MI);
            assertThat(a.limitsOverAllocatable()).isEqualTo(1812.0 / 1536);
            assertThat(a.requestsOverAllocatable()).isEqualTo(676.0 / 1536);
            assertThat(a.unboundedPods()).extracting(PodResources::name).containsExactly("db-0");
        }
    }
    private static void node(KubernetesClient c, String name, String allocatable, String capacity) {
        c.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus()
                .addToAllocatable("memory", new Quantity(allocatable)).addToCapacity("memory", new Quantity(capacity))
                .endStatus().build()).create();
    }

    @Test
    void pods_spread_over_two_nodes_are_each_judged_against_their_own_node() {
        try (SqueezeMockKube kube = new SqueezeMockKube()) {
            // GIVEN two 1Gi-allocatable nodes, each with one web pod limited to 768Mi (1.5Gi in all)
            KubernetesClient c = kube.client();
            node(c, "node-1", "1Gi", "2Gi");
            node(c, "node-2", "1Gi", "2Gi");
            pod(c, "node-1", "web-0", "web", "Guaranteed", List.of(), container("app", "768Mi", "768Mi"));
            pod(c, "node-2", "web-1", "web", "Guaranteed", List.of(), container("app", "512Mi", "768Mi"));
            // WHEN
            ResourceAudit a = ResourceAudits.capture(c, "shop", "node-1", List.of("app=web"));
            // THEN each node holds 75% of its allocatable in limits, not 150% of the target's
            assertThat(a.nodes()).extracting(ResourceAudit.NodeMemory::node).containsExactly("node-1", "node-2");
            assertThat(a.limitsOverAllocatable()).isEqualTo(0.75);
            assertThat(a.requestsOverAllocatable()).isEqualTo(0.75);
            assertThat(a.limitsOverCapacity()).isEqualTo(0.375);
            assertThat(a.limitsBytes()).isEqualTo(1536 * MI);
        }
    }

    @Test
    void native_sidecars_are_added_to_the_containers_and_to_later_init_containers() {
        try (SqueezeMockKube kube = new SqueezeMockKube()) {
            // GIVEN a 100Mi sidecar (restartPolicy Always) started before a 300Mi init container, and a 200Mi app
            KubernetesClient c = kube.client();
            node(c, "node-1", "1536Mi", "2Gi");
            Container sidecar = container("mesh", "100Mi", "100Mi");
            sidecar.setRestartPolicy("Always");
            pod(c, "web-0", "web", "Guaranteed", List.of(sidecar, container("migrate", "300Mi", "300Mi")),
                    container("app", "200Mi", "200Mi"));
            pod(c, "web-1", "web", "Guaranteed", List.of(container("migrate", "50Mi", "50Mi"), sidecar),
                    container("app", "200Mi", "200Mi"));
            // WHEN
            ResourceAudit a = ResourceAudits.capture(c, "shop", "node-1", List.of("app=web"));
            // THEN web-0: max(200 + 100, 100 + 300) = 400Mi; web-1: max(200 + 100, 50) = 300Mi
            assertThat(a.pods()).extracting(PodResources::name, PodResources::requestsBytes, PodResources::limitsBytes)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("web-0", 400 * MI, 400 * MI),
                            org.assertj.core.groups.Tuple.tuple("web-1", 300 * MI, 300 * MI));
        }
    }
}
