package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.EventRecord;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events of the experiment's namespace, of kube-system, and of the node (the kubelet records node events in
 * {@code default}), listed on every tick and recorded once per occurrence. Listing rather than watching keeps working
 * through API server outages: events live for an hour, so what happened while the API was down is read afterwards.
 *
 * <!-- sample(KubernetesClient client, String namespace, Instant experimentStart, Observations observations) -->
 * <pre>{@code
 * Probe events = new EventProbe(client, namespace, "k3s-node", experimentStart, observations);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class EventProbe implements Probe {

    /** Events that happened this long before the experiment started still count (clock skew, slow recording). */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EventProbe.class);

    private final KubernetesClient client;
    private final Set<String> namespaces;
    private final String node;
    private final Instant since;
    private final Observations observations;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    public EventProbe(KubernetesClient client, String namespace, String node, Instant since,
                      Observations observations) {
        this.client = client;
        this.namespaces = new LinkedHashSet<>(List.of(namespace, "kube-system", "default"));
        this.node = node;
        this.since = since.minus(SLACK);
        this.observations = observations;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void sample(Tick tick) {
        List<Event> all = new ArrayList<>();
        try {
            for (String ns : namespaces) {
                all.addAll(client.v1().events().inNamespace(ns).list().getItems());
            }
        } catch (KubernetesClientException e) {
            // events outlive outages: what this tick missed is listed on the next one that gets through
            LOG.debug("events not listed on tick {}: {}", tick.index(), e.getMessage());
            return;
        }
        accept(all).forEach(observations::add);
    }

    /** The records among {@code events} not recorded before: relevant, recent, and about this experiment's scope. */
    List<EventRecord> accept(List<Event> events) {
        List<EventRecord> fresh = new ArrayList<>();
        for (Event e : events) {
            if (!inScope(e) || EventMapping.at(e).isBefore(since) || !recorded.add(EventMapping.occurrence(e))) {
                continue;
            }
            EventMapping.toRecord(e).ifPresent(fresh::add);
        }
        return fresh;
    }

    private boolean inScope(Event e) {
        var object = e.getInvolvedObject();
        if (object == null) {
            return false;
        }
        // in `default`, only the node's own events unless the experiment itself runs there
        boolean nodeEvent = "Node".equals(object.getKind()) && node.equals(object.getName());
        String ns = e.getMetadata() == null ? null : e.getMetadata().getNamespace();
        return nodeEvent || !"default".equals(ns) || namespaces.iterator().next().equals("default");
    }
}
