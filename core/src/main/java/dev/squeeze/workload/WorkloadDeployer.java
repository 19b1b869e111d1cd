package dev.squeeze.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.workload.Manifests;
import dev.squeeze.internal.workload.WorkloadReadiness;
import dev.squeeze.cluster.ChaosCluster;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deploys the workload under test into the cluster's namespace and waits until its pods are Ready.
 *
 * <!-- sample(ChaosCluster cluster) -->
 * <pre>{@code
 * try (DeployedWorkload app = WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:k8s/app.yaml")
 *         .withReadySelectors(List.of("app=web")))) {
 *     app.objects();   // what was applied, deleted again on close
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WorkloadDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadDeployer.class);

    private WorkloadDeployer() {
    }

    /**
     * Loads {@code spec.manifests()}, applies them, and waits for Ready.
     *
     * @throws IllegalArgumentException when a manifest is missing or unparseable (before anything is applied)
     * @throws IllegalStateException    when the pods are not Ready within {@code spec.readyTimeout()}, with their
     *                                  phases, container states and the namespace's recent events
     */
    public static DeployedWorkload deploy(ChaosCluster cluster, WorkloadSpec spec) {
        List<HasMetadata> objects = Manifests.load(cluster.client(), spec.manifests());
        return deploy(cluster, objects, spec.readySelectors(), spec.readyTimeout());
    }

    /**
     * Applies fabric8 objects built in code and waits for Ready.
     *
     * @param readySelectors label selectors of the pods to await; empty means the pods of the applied
     *                       Deployments, StatefulSets, DaemonSets and bare Pods
     */
    public static DeployedWorkload deploy(ChaosCluster cluster, List<HasMetadata> objects, List<String> readySelectors,
                                          Duration readyTimeout) {
        KubernetesClient client = cluster.client();
        String namespace = cluster.namespace();
        List<HasMetadata> applied = new ArrayList<>();
        DeployedWorkload deployed = new DeployedWorkload(client, namespace, applied);
        try {
            for (HasMetadata object : objects) {
                if (object.getMetadata().getNamespace() == null && isNamespaced(client, object)) {
                    object.getMetadata().setNamespace(namespace);
                }
                // create-or-update rather than server-side apply: same result in a fresh namespace, and it also
                // works against fabric8's mock server, which has no apply-create
                applied.add(client.resource(object).createOr(NonDeletingOperation::update));
                LOG.info("applied {} {}/{}", object.getKind(), namespaceOf(object), object.getMetadata().getName());
            }
            List<String> selectors = readySelectors.isEmpty() ? derivedSelectors(applied) : readySelectors;
            WorkloadReadiness.await(client, namespace, selectors, podNames(applied), applied, readyTimeout);
            return deployed;
        } catch (RuntimeException e) {
            deployed.close();
            throw e;
        }
    }

    private static String namespaceOf(HasMetadata o) {
        return o.getMetadata().getNamespace() == null ? "(cluster)" : o.getMetadata().getNamespace();
    }

    static boolean isNamespaced(KubernetesClient client, HasMetadata object) {
        if (!(object instanceof GenericKubernetesResource)) {
            return object instanceof Namespaced;
        }
        // custom kinds: ask discovery; an unknown kind is treated as namespaced, the common case
        APIResourceList resources = client.getApiResources(object.getApiVersion());
        return resources == null || resources.getResources().stream()
                .filter(r -> object.getKind().equals(r.getKind())).findFirst()
                .map(APIResource::getNamespaced).orElse(true);
    }

    /** One selector per applied controller, from its {@code spec.selector.matchLabels}. */
    static List<String> derivedSelectors(List<HasMetadata> applied) {
        List<String> selectors = new ArrayList<>();
        for (HasMetadata o : applied) {
            LabelSelector selector = o instanceof Deployment d ? d.getSpec().getSelector()
                    : o instanceof StatefulSet s ? s.getSpec().getSelector()
                    : o instanceof DaemonSet ds ? ds.getSpec().getSelector() : null;
            if (selector != null && selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()) {
                selectors.add(toSelector(selector.getMatchLabels()));
            }
        }
        return selectors;
    }

    static String toSelector(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static List<String> podNames(List<HasMetadata> applied) {
        return applied.stream().filter(o -> "Pod".equals(o.getKind())).map(o -> o.getMetadata().getName()).toList();
    }
}
