package dev.squeeze.report;

import java.time.Instant;

/**
 * One watched pod on one tick.
 *
 * @param role            {@link PodRole} of the pod in the experiment
 * @param phase           the pod's status.phase (Pending, Running, Succeeded, Failed, Unknown)
 * @param ready           the pod's Ready condition is True
 * @param restarts        sum of container restart counts
 * @param lastTermination reason of the most recent container termination (OOMKilled, Error, ...) or status.reason
 *                        of the pod (Evicted), {@code null} if none
 * @param workingSetBytes the pod's memory working set from the kubelet, {@code null} if unknown
 */
public record PodSample(Instant at, Phase phase, String namespace, String name, PodRole role, String podPhase,
                        boolean ready, int restarts, String lastTermination, Long workingSetBytes) {
}
