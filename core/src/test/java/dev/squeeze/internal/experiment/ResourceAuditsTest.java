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
        c.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName(name).withNamespace("shop")
                .withLabels(Map.of("app", app)).endMetadata().withNewSpec().withNodeName("node-1")
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
}
