package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Instant;
import java.util.Map;

/**
 * One watched pod on one tick.
 *
 * <!-- sample(Instant at) -->
 * <pre>{@code
 * new PodSample(at, Phase.PRESSURE, "default", "web-6f7c-abc", PodRole.WORKLOAD, "Running", true, 0, null,
 *         180L << 20, Map.of("app", "web"));
 * }</pre>
 *
 * @param role            {@link PodRole} of the pod in the experiment
 * @param phase           the pod's status.phase (Pending, Running, Succeeded, Failed, Unknown)
 * @param ready           the pod's Ready condition is True
 * @param restarts        sum of container restart counts
 * @param lastTermination reason of the most recent container termination (OOMKilled, Error, ...) or status.reason
 *                        of the pod (Evicted), {@code null} if none
 * @param workingSetBytes the pod's memory working set from the kubelet, {@code null} if unknown
 * @param labels          the pod's labels, so assertions can match the label selectors users write
 *                        ({@code app=web}); empty when the probe did not record them
 * @param node            the node the pod is bound to (spec.nodeName), {@code null} while unscheduled or unrecorded
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PodSample(Instant at, Phase phase, String namespace, String name, PodRole role, String podPhase,
                        boolean ready, int restarts, String lastTermination, Long workingSetBytes,
                        Map<String, String> labels, String node) {

    public PodSample {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A sample without its node (the shape of this record before multi-node clusters). */
    public PodSample(Instant at, Phase phase, String namespace, String name, PodRole role, String podPhase,
                     boolean ready, int restarts, String lastTermination, Long workingSetBytes,
                     Map<String, String> labels) {
        this(at, phase, namespace, name, role, podPhase, ready, restarts, lastTermination, workingSetBytes, labels,
                null);
    }

    /** A sample without labels (the original shape of this record; label selectors then fall back to the role). */
    public PodSample(Instant at, Phase phase, String namespace, String name, PodRole role, String podPhase,
                     boolean ready, int restarts, String lastTermination, Long workingSetBytes) {
        this(at, phase, namespace, name, role, podPhase, ready, restarts, lastTermination, workingSetBytes, Map.of());
    }
}
