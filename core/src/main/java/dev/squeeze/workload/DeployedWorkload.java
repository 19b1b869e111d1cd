package dev.squeeze.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.kube.KubeWait;
import dev.squeeze.internal.probe.ProbeClients;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A workload Squeeze applied; closing it deletes those objects in reverse order and waits briefly for them to go.
 *
 * <!-- sample(ChaosCluster cluster) -->
 * <pre>{@code
 * try (DeployedWorkload app = WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:k8s/app.yaml"))) {
 *     app.namespace();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DeployedWorkload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeployedWorkload.class);
    private static final Duration DELETE_WAIT = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final String namespace;
    private final List<HasMetadata> objects;
    private final AtomicBoolean closed = new AtomicBoolean();

    DeployedWorkload(KubernetesClient client, String namespace, List<HasMetadata> objects) {
        this.client = client;
        this.namespace = namespace;
        this.objects = objects;
    }

    /** The objects as the API server returned them after apply. */
    public List<HasMetadata> objects() {
        return Collections.unmodifiableList(objects);
    }

    /** The namespace the workload's namespaced objects went to unless they named their own. */
    public String namespace() {
        return namespace;
    }

    /** Deletes what was applied; logs instead of throwing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<HasMetadata> reversed = new ArrayList<>(objects);
        Collections.reverse(reversed);
        // retry-free: after chaos the API server may be wedged, and each retried delete would cost minutes
        try (KubernetesClient quick = ProbeClients.withoutRetries(client)) {
            for (HasMetadata o : reversed) {
                try {
                    quick.resource(o).delete();
                } catch (KubernetesClientException e) {
                    LOG.warn("could not delete {} {}: {}; leaving the rest to the namespace's (or node's) deletion",
                            o.getKind(), o.getMetadata().getName(), e.getMessage());
                    return;
                }
            }
            KubeWait.untilOrTimeout("the workload's objects to be deleted", DELETE_WAIT, LOG, () -> {
                List<String> left = reversed.stream().filter(o -> quick.resource(o).get() != null)
                        .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
                return left.isEmpty() ? KubeWait.Status.done("gone") : KubeWait.Status.pending("still present: " + left);
            });
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("workload not fully deleted; the namespace's deletion will remove the rest: {}", e.getMessage());
        }
    }
}
