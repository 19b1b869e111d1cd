package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The client probes use: the experiment's own configuration with fabric8's request retries turned off. A probe
 * observes; it must not retry a 502 or a 500 with exponential backoff until its timeout turns the real answer into
 * "no answer".
 *
 * <!-- sample(ChaosCluster cluster, String namespace, HttpProbeSpec spec, Duration timeout, Observations observations) -->
 * <pre>{@code
 * try (KubernetesClient probing = ProbeClients.withoutRetries(cluster.client())) {
 *     Probe http = new ServiceHttpProbe(probing, namespace, spec, timeout, observations);
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeClients {

    private ProbeClients() {
    }

    /** A new client (close it) with the same cluster, credentials and namespace, and no request retries. */
    public static KubernetesClient withoutRetries(KubernetesClient client) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build())
                .build();
    }

    /**
     * Like {@link #withoutRetries(KubernetesClient)}, and every request and connection attempt bounded by
     * {@code timeout} (fabric8's default request timeout is 10 s: one probe call could then span ten ticks).
     */
    public static KubernetesClient withoutRetries(KubernetesClient client, java.time.Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0)
                        .withRequestTimeout(millis).withConnectionTimeout(millis).build())
                .build();
    }
}
