package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.PodResources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the deployed workload pods and the target node back from the API server into a {@link ResourceAudit}. */
@API(status = INTERNAL, since = "0.1")
public final class ResourceAudits {

    private ResourceAudits() {
    }

    /** Lists the pods of every watched selector (get/list pods, get nodes: covered by the README's ClusterRole). */
    static ResourceAudit capture(KubernetesClient client, String namespace, String nodeName, List<String> selectors) {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (String selector : selectors) {
            client.pods().inNamespace(namespace).list(new ListOptionsBuilder().withLabelSelector(selector).build())
                    .getItems().forEach(p -> pods.putIfAbsent(p.getMetadata().getName(), p));
        }
        return of(client.nodes().withName(nodeName).get(), nodeName, List.copyOf(pods.values()));
    }

    static ResourceAudit of(Node node, String nodeName, List<Pod> pods) {
        long allocatable = node == null ? 0 : bytes(node.getStatus().getAllocatable().get("memory"));
        long capacity = node == null ? 0 : bytes(node.getStatus().getCapacity().get("memory"));
        return new ResourceAudit(nodeName, allocatable, capacity, pods.stream().map(ResourceAudits::pod).toList());
    }

    static PodResources pod(Pod p) {
        long requests = 0;
        long limits = 0;
        List<String> unbounded = new ArrayList<>();
        for (Container c : p.getSpec().getContainers()) {
            requests += memory(c, false);
            long limit = memory(c, true);
            limits += limit;
            if (limit == 0) {
                unbounded.add(c.getName());
            }
        }
        // effective request/limit: the larger of the containers' sum and any single init container
        for (Container c : p.getSpec().getInitContainers() == null ? List.<Container>of() : p.getSpec().getInitContainers()) {
            requests = Math.max(requests, memory(c, false));
            long limit = memory(c, true);
            if (limit == 0) {
                unbounded.add(c.getName() + " (init)");
            }
            limits = Math.max(limits, limit);
        }
        String qos = p.getStatus() == null || p.getStatus().getQosClass() == null ? "unknown" : p.getStatus().getQosClass();
        return new PodResources(p.getMetadata().getName(), p.getSpec().getNodeName(), qos, requests,
                unbounded.isEmpty() ? limits : 0, unbounded);
    }

    private static long memory(Container c, boolean limit) {
        if (c.getResources() == null) {
            return 0;
        }
        Map<String, Quantity> m = limit ? c.getResources().getLimits() : c.getResources().getRequests();
        if (m == null) {
            return 0;
        }
        Quantity q = m.get("memory");
        // a container with a limit and no request gets the limit as request (API server defaulting)
        if (q == null && !limit && c.getResources().getLimits() != null) {
            q = c.getResources().getLimits().get("memory");
        }
        return bytes(q);
    }

    private static long bytes(Quantity q) {
        return q == null ? 0 : Quantity.getAmountInBytes(q).longValue();
    }
}
