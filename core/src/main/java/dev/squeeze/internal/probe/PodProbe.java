package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every watched pod on every tick: the workload's pods (by the experiment's label selectors), the pods Squeeze
 * started (hog, admission check: by the experiment label) and kube-system's pods, whose restarts are the seed
 * story's symptom. Working sets come from the node probe's latest kubelet summary.
 *
 * <!-- sample(KubernetesClient client, String namespace, Observations observations, NodeProbe node) -->
 * <pre>{@code
 * Probe pods = new PodProbe(client, namespace, List.of("app=web"), "squeeze.dev/experiment=eviction",
 *         observations, node::latestSummary);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class PodProbe implements Probe {

    /** The label Squeeze puts on the pods it starts, with the app.kubernetes.io/name telling which kind. */
    public static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final Logger LOG = LoggerFactory.getLogger(PodProbe.class);

    private final KubernetesClient client;
    private final String namespace;
    private final List<String> workloadSelectors;
    private final String squeezeSelector;
    private final Observations observations;
    private final Supplier<Optional<StatsSummary>> summary;

    /**
     * @param workloadSelectors label selectors ({@code app=web}) of the workload's pods
     * @param squeezeSelector   the label selector of the pods Squeeze itself starts for this experiment
     */
    public PodProbe(KubernetesClient client, String namespace, List<String> workloadSelectors, String squeezeSelector,
                    Observations observations, Supplier<Optional<StatsSummary>> summary) {
        this.client = client;
        this.namespace = namespace;
        this.workloadSelectors = List.copyOf(workloadSelectors);
        this.squeezeSelector = squeezeSelector;
        this.observations = observations;
        this.summary = summary;
    }

    @Override
    public String name() {
        return "pods";
    }

    @Override
    public void sample(Tick tick) {
        try {
            sampleNow(tick);
        } catch (KubernetesClientException e) {
            // the API server probe records outages; here a failed list only means no pod samples this tick
            LOG.debug("pods not listed on tick {}: {}", tick.index(), e.getMessage());
        }
    }

    private void sampleNow(Tick tick) {
        Instant at = Instant.now();
        Map<String, PodSample> seen = new LinkedHashMap<>();
        Map<String, Long> workingSets = summary.get().map(StatsSummary::podWorkingSet).orElse(Map.of());
        for (String selector : workloadSelectors) {
            list(namespace, selector).forEach(p -> seen.putIfAbsent(key(p), sample(at, tick, p, PodRole.WORKLOAD, workingSets)));
        }
        for (Pod p : list(namespace, squeezeSelector)) {
            seen.putIfAbsent(key(p), sample(at, tick, p, roleOf(p), workingSets));
        }
        if (!"kube-system".equals(namespace)) {
            list("kube-system", null).forEach(p -> seen.putIfAbsent(key(p), sample(at, tick, p, PodRole.SYSTEM, workingSets)));
        }
        seen.values().forEach(observations::add);
    }

    static PodRole roleOf(Pod pod) {
        String name = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(NAME_LABEL);
        return "squeeze-admission-check".equals(name) ? PodRole.ADMISSION_CHECK : PodRole.HOG;
    }

    private List<Pod> list(String ns, String selector) {
        var options = new ListOptionsBuilder();
        if (selector != null) {
            options.withLabelSelector(selector);
        }
        return client.pods().inNamespace(ns).list(options.build()).getItems();
    }

    static PodSample sample(Instant at, Tick tick, Pod pod, PodRole role, Map<String, Long> workingSets) {
        String ns = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        return new PodSample(at, tick.phase(), ns, name, role, PodStatuses.phase(pod), PodStatuses.ready(pod),
                PodStatuses.restarts(pod), PodStatuses.lastTermination(pod), workingSets.get(ns + "/" + name),
                pod.getMetadata().getLabels(), pod.getSpec() == null ? null : pod.getSpec().getNodeName());
    }

    private static String key(Pod p) {
        return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    }
}
