package dev.squeeze.internal.kube;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Human-readable pod and event state for timeout messages: phase, readiness, each container's state and restarts,
 * and the namespace's latest events. Internal.
 *
 * <pre>{@code
 * String state = PodDiagnostics.describe(pods) + PodDiagnostics.recentEvents(client, "squeeze-ab12", 10);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class PodDiagnostics {

    private PodDiagnostics() {
    }

    /** True when the pod's Ready condition is True. */
    public static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** True when the pod ran to completion (a Job's pod). */
    public static boolean isSucceeded(Pod pod) {
        return pod.getStatus() != null && "Succeeded".equals(pod.getStatus().getPhase());
    }

    /** One line per pod, then one indented line per container. */
    public static String describe(List<Pod> pods) {
        if (pods.isEmpty()) {
            return "no pods\n";
        }
        StringBuilder out = new StringBuilder();
        for (Pod pod : pods) {
            out.append(describe(pod));
        }
        return out.toString();
    }

    /** {@code pod web-1: phase Pending, not Ready (ContainersNotReady: ...)} plus container lines. */
    public static String describe(Pod pod) {
        StringBuilder out = new StringBuilder("pod ").append(pod.getMetadata().getName()).append(": phase ");
        var status = pod.getStatus();
        out.append(status == null ? "unknown" : status.getPhase());
        out.append(isReady(pod) ? ", Ready" : ", not Ready" + notReadyReason(pod));
        if (status != null && status.getReason() != null) {
            out.append(", reason ").append(status.getReason());
        }
        if (status != null && status.getMessage() != null) {
            out.append(", message '").append(status.getMessage()).append('\'');
        }
        out.append('\n');
        List<ContainerStatus> containers = status == null ? List.of() : Stream.concat(
                Objects.requireNonNullElse(status.getInitContainerStatuses(), List.<ContainerStatus>of()).stream(),
                Objects.requireNonNullElse(status.getContainerStatuses(), List.<ContainerStatus>of()).stream())
                .toList();
        for (ContainerStatus c : containers) {
            out.append("    container ").append(c.getName()).append(": ").append(containerState(c))
                    .append(", restarts ").append(c.getRestartCount()).append('\n');
        }
        return out.toString();
    }

    private static String notReadyReason(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return "";
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> !"True".equals(c.getStatus()) && c.getReason() != null)
                .map(PodDiagnostics::condition)
                .collect(Collectors.joining("; ", " (", ")"))
                .replace(" ()", "");
    }

    private static String condition(PodCondition c) {
        return c.getType() + " " + c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    static String containerState(ContainerStatus c) {
        var state = c.getState();
        if (state == null) {
            return "no state";
        }
        if (state.getWaiting() != null) {
            return "waiting " + state.getWaiting().getReason()
                    + (state.getWaiting().getMessage() == null ? "" : " '" + state.getWaiting().getMessage() + "'");
        }
        if (state.getTerminated() != null) {
            var t = state.getTerminated();
            return "terminated " + t.getReason() + " exit " + t.getExitCode()
                    + (t.getMessage() == null ? "" : " '" + t.getMessage().strip() + "'");
        }
        if (state.getRunning() != null) {
            return "running" + (Boolean.TRUE.equals(c.getReady()) ? " ready" : " not ready");
        }
        return "no state";
    }

    /**
     * The last {@code lines} log lines of every container that is not ready and has exited or restarted: the JVM's
     * or the app's own last words, which the pod status does not carry.
     */
    public static String crashedContainerLogs(KubernetesClient client, List<Pod> pods, int lines) {
        StringBuilder out = new StringBuilder();
        for (Pod pod : pods) {
            List<ContainerStatus> statuses = pod.getStatus() == null ? List.of()
                    : Objects.requireNonNullElse(pod.getStatus().getContainerStatuses(), List.of());
            for (ContainerStatus c : statuses) {
                boolean exited = c.getState() != null && c.getState().getTerminated() != null;
                if (Boolean.TRUE.equals(c.getReady()) || (!exited && c.getRestartCount() == 0)) {
                    continue;
                }
                var container = client.pods().inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName()).inContainer(c.getName());
                try {
                    // a restarting container's current instance may not have written anything yet
                    String log = exited ? container.tailingLines(lines).getLog()
                            : container.terminated().tailingLines(lines).getLog();
                    out.append("last log lines of ").append(pod.getMetadata().getName()).append('/')
                            .append(c.getName()).append(":\n").append((log == null ? "" : log.stripTrailing())
                                    .indent(4));
                } catch (KubernetesClientException e) {
                    out.append("log of ").append(pod.getMetadata().getName()).append('/').append(c.getName())
                            .append(" not readable: ").append(e.getMessage()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The namespace's {@code limit} latest events, oldest first, or a line saying they could not be read. */
    public static String recentEvents(KubernetesClient client, String namespace, int limit) {
        List<Event> events;
        try {
            events = new ArrayList<>(client.v1().events().inNamespace(namespace).list().getItems());
        } catch (KubernetesClientException e) {
            return "events in " + namespace + " could not be read: " + e.getMessage() + "\n";
        }
        if (events.isEmpty()) {
            return "no events in namespace " + namespace + "\n";
        }
        events.sort(Comparator.comparing(PodDiagnostics::eventTime));
        List<Event> last = events.subList(Math.max(0, events.size() - limit), events.size());
        StringBuilder out = new StringBuilder("last ").append(last.size()).append(" events in namespace ")
                .append(namespace).append(":\n");
        for (Event e : last) {
            out.append("    ").append(eventTime(e)).append(' ').append(e.getType()).append(' ')
                    .append(e.getReason()).append(' ').append(e.getInvolvedObject().getKind()).append('/')
                    .append(e.getInvolvedObject().getName()).append(": ")
                    .append(e.getMessage() == null ? "" : e.getMessage().strip()).append('\n');
        }
        return out.toString();
    }

    private static String eventTime(Event e) {
        String t = e.getLastTimestamp() != null ? e.getLastTimestamp()
                : e.getEventTime() != null ? e.getEventTime().getTime() : e.getMetadata().getCreationTimestamp();
        return t == null ? "" : t;
    }
}
