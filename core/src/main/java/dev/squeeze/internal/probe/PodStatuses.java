package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading a pod's status the way the report needs it: Ready, restarts, and the most recent termination.
 *
 * <!-- sample(Pod pod) -->
 * <pre>{@code
 * PodStatuses.lastTermination(pod);   // Optional["OOMKilled"]
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class PodStatuses {

    private PodStatuses() {
    }

    public static boolean ready(Pod pod) {
        return condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
    }

    /**
     * The sum of the containers' restart counts, leaving out containers that can never restart (effective
     * {@code restartPolicy: Never}): the kubelet raises their count by one when it can no longer locate the container
     * of a terminated pod ({@code ContainerStatusUnknown}, as after an eviction), which is bookkeeping, not a restart.
     */
    public static int restarts(Pod pod) {
        return containerStatuses(pod).stream().filter(c -> mayRestart(pod, c.getName()))
                .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
    }

    /** The container's effective restart policy is not Never (a native sidecar's own Always wins over the pod's). */
    private static boolean mayRestart(Pod pod, String container) {
        if (pod.getSpec() == null) {
            return true;
        }
        if (pod.getSpec().getInitContainers() != null) {
            for (var c : pod.getSpec().getInitContainers()) {
                if (c.getName().equals(container) && "Always".equals(c.getRestartPolicy())) {
                    return true;
                }
            }
        }
        return !"Never".equals(pod.getSpec().getRestartPolicy());
    }

    /** Every container status, init containers included. */
    public static List<ContainerStatus> containerStatuses(Pod pod) {
        List<ContainerStatus> all = new ArrayList<>();
        if (pod.getStatus() != null) {
            if (pod.getStatus().getInitContainerStatuses() != null) {
                all.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                all.addAll(pod.getStatus().getContainerStatuses());
            }
        }
        return all;
    }

    /** The most recent container termination, current state first, then lastState (a restarted container). */
    public static Optional<ContainerStateTerminated> lastTerminated(Pod pod) {
        ContainerStateTerminated latest = null;
        for (ContainerStatus c : containerStatuses(pod)) {
            for (ContainerStateTerminated t : terminations(c)) {
                if (latest == null || compare(t, latest) > 0) {
                    latest = t;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The pod's own status.reason ({@code Evicted}, an admission reason) or else the reason of its most recent
     * container termination ({@code OOMKilled}, {@code Error}, or {@code exit 137} when no reason was given).
     */
    public static String lastTermination(Pod pod) {
        if (pod.getStatus() != null && pod.getStatus().getReason() != null && !pod.getStatus().getReason().isBlank()) {
            return pod.getStatus().getReason();
        }
        return lastTerminated(pod).map(PodStatuses::reasonOf).orElse(null);
    }

    static String reasonOf(ContainerStateTerminated t) {
        return t.getReason() != null && !t.getReason().isBlank() ? t.getReason() : "exit " + t.getExitCode();
    }

    private static List<ContainerStateTerminated> terminations(ContainerStatus c) {
        List<ContainerStateTerminated> out = new ArrayList<>(2);
        if (c.getState() != null && c.getState().getTerminated() != null) {
            out.add(c.getState().getTerminated());
        }
        if (c.getLastState() != null && c.getLastState().getTerminated() != null) {
            out.add(c.getLastState().getTerminated());
        }
        return out;
    }

    private static int compare(ContainerStateTerminated a, ContainerStateTerminated b) {
        // RFC 3339 timestamps in UTC compare as strings; a missing finishedAt sorts first
        String fa = a.getFinishedAt() == null ? "" : a.getFinishedAt();
        String fb = b.getFinishedAt() == null ? "" : b.getFinishedAt();
        return fa.compareTo(fb);
    }
}
