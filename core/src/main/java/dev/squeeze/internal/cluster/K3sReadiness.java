package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.kube.KubeWait;
import dev.squeeze.internal.kube.PodDiagnostics;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Real readiness: {@code K3sContainer} returns on "Node controller sync successful", before the node
 * is Ready and before CoreDNS runs. Waits for the node's Ready condition, then for every kube-system Deployment to
 * have its replicas ready and every kube-system pod to be Ready or Succeeded.
 */
@API(status = INTERNAL, since = "0.1")
public final class K3sReadiness {

    private K3sReadiness() {
    }

    /** Waits for exactly one Ready node and returns its name. */
    static String awaitNodeReady(KubernetesClient client, Duration timeout, Logger log) {
        String[] name = new String[1];
        KubeWait.until("the k3s node to be Ready", timeout, log, () -> {
            List<Node> nodes = client.nodes().list().getItems();
            if (nodes.isEmpty()) {
                return KubeWait.Status.pending("no Node registered yet");
            }
            Node node = nodes.get(0);
            name[0] = node.getMetadata().getName();
            return isReady(node) ? KubeWait.Status.done("Ready") : KubeWait.Status.pending(describe(node));
        });
        return name[0];
    }

    static boolean isReady(Node node) {
        return conditions(node).stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static String describe(Node node) {
        return "node " + node.getMetadata().getName() + " conditions: " + conditions(node).stream()
                .map(c -> c.getType() + "=" + c.getStatus() + (c.getReason() == null ? "" : " (" + c.getReason()
                        + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")"))
                .collect(Collectors.joining(", "));
    }

    private static List<NodeCondition> conditions(Node node) {
        return node.getStatus() == null ? List.of()
                : Objects.requireNonNullElse(node.getStatus().getConditions(), List.of());
    }

    /** Waits until kube-system has at least one Deployment, all available, and no pod that is not Ready. */
    static void awaitKubeSystemReady(KubernetesClient client, Duration timeout, Logger log) {
        KubeWait.until("kube-system Deployments and pods to be Ready", timeout, log, () -> {
            List<Deployment> deployments = client.apps().deployments().inNamespace("kube-system").list().getItems();
            List<Pod> pods = client.pods().inNamespace("kube-system").list().getItems();
            List<String> waitingDeployments = deployments.stream().filter(d -> !available(d))
                    .map(d -> d.getMetadata().getName() + " " + readyReplicas(d) + "/" + replicas(d) + " ready")
                    .toList();
            List<Pod> notReady = pods.stream()
                    .filter(p -> !PodDiagnostics.isReady(p) && !PodDiagnostics.isSucceeded(p)).toList();
            if (!deployments.isEmpty() && waitingDeployments.isEmpty() && notReady.isEmpty()) {
                return KubeWait.Status.done(pods.size() + " pods Ready");
            }
            String state = deployments.isEmpty() ? "no kube-system Deployment created yet (k3s deploys its"
                    + " manifests after the API server starts)\n"
                    : waitingDeployments.isEmpty() ? "" : "waiting for Deployments " + waitingDeployments + "\n";
            return KubeWait.Status.pending(state + PodDiagnostics.describe(notReady));
        });
    }

    private static boolean available(Deployment d) {
        return replicas(d) > 0 && readyReplicas(d) >= replicas(d);
    }

    private static int replicas(Deployment d) {
        return d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    }

    private static int readyReplicas(Deployment d) {
        return d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
    }
}
