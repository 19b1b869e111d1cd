package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.NodeMemory;
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
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodes.put(nodeName, client.nodes().withName(nodeName).get());
        for (Pod p : pods.values()) {
            String on = p.getSpec().getNodeName();
            if (on != null && !nodes.containsKey(on)) {
                nodes.put(on, client.nodes().withName(on).get());
            }
        }
        return of(nodes, nodeName, List.copyOf(pods.values()));
    }

    static ResourceAudit of(Node node, String nodeName, List<Pod> pods) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodes.put(nodeName, node);
        return of(nodes, nodeName, pods);
    }

    /** {@code nodes}: the target first, then every node a pod is bound to (null where the node was not found). */
    static ResourceAudit of(Map<String, Node> nodes, String nodeName, List<Pod> pods) {
        List<NodeMemory> memory = new ArrayList<>();
        nodes.forEach((name, n) -> memory.add(new NodeMemory(name,
                n == null ? 0 : bytes(n.getStatus().getAllocatable().get("memory")),
                n == null ? 0 : bytes(n.getStatus().getCapacity().get("memory")))));
        NodeMemory target = memory.get(0);
        return new ResourceAudit(nodeName, target.allocatableBytes(), target.capacityBytes(),
                pods.stream().map(ResourceAudits::pod).toList(), memory);
    }

    /**
     * Kubernetes' effective request and limit (KEP-753 with native sidecars): the containers plus every sidecar (an
     * init container with {@code restartPolicy: Always}, which keeps running next to them), or, when higher, any
     * other init container plus the sidecars started before it.
     */
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
        long sidecarRequests = 0;
        long sidecarLimits = 0;
        long initRequests = 0;
        long initLimits = 0;
        for (Container c : p.getSpec().getInitContainers() == null ? List.<Container>of() : p.getSpec().getInitContainers()) {
            boolean sidecar = "Always".equals(c.getRestartPolicy());
            long limit = memory(c, true);
            if (limit == 0) {
                unbounded.add(c.getName() + (sidecar ? " (sidecar)" : " (init)"));
            }
            if (sidecar) {
                sidecarRequests += memory(c, false);
                sidecarLimits += limit;
            } else {
                initRequests = Math.max(initRequests, sidecarRequests + memory(c, false));
                initLimits = Math.max(initLimits, sidecarLimits + limit);
            }
        }
        requests = Math.max(requests + sidecarRequests, initRequests);
        limits = Math.max(limits + sidecarLimits, initLimits);
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
