package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.probe.PodStatuses;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a hog pod's status as a fate: evicted, OOM-killed, rejected at admission, or failed otherwise. Pure, so every
 * case is tested with hand-built pods.
 *
 * <!-- sample(Pod pod, List<EventRecord> events) -->
 * <pre>{@code
 * HogFates.classify(pod, events);   // Optional[Verdict[fate=EVICTED, reason=The node was low on resource: memory...]]
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class HogFates {

    /** Node events that say the kernel OOM killer ran (kubelet's SystemOOM, node-problem-detector's OOMKilling). */
    static final Set<String> OOM_EVENTS = Set.of("SystemOOM", "OOMKilling");
    static final int SIGKILL_EXIT = 137;
    /**
     * Waiting reasons of a container that cannot start without someone changing the pod or the node: a missing or
     * misspelt image (the kubelet keeps retrying a pull that will not succeed), or a reference the kubelet cannot
     * resolve (a missing ConfigMap or Secret key). Seen on the hog, they end the pressure phase at once.
     */
    static final Set<String> CANNOT_START = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "ErrImageNeverPull");

    private HogFates() {
    }

    /** A fate with the kubelet's or kernel's words. */
    public record Verdict(HogFate fate, String reason) {
    }

    /**
     * The fate {@code pod} shows, or empty while it is pending or running.
     *
     * @param events the events seen so far, for OOM kills the runtime reported only as exit 137
     */
    public static Optional<Verdict> classify(Pod pod, List<EventRecord> events) {
        return classify(pod, events, false);
    }

    /**
     * Like {@link #classify(Pod, List)}, for the last look at a hog: a container that exited 0 without the kubelet
     * saying why is then a failure rather than a fate still to be explained.
     */
    public static Optional<Verdict> classifyFinal(Pod pod, List<EventRecord> events) {
        return classify(pod, events, true);
    }

    private static Optional<Verdict> classify(Pod pod, List<EventRecord> events, boolean last) {
        String phase = PodStatuses.phase(pod);
        Optional<Verdict> cannotStart = cannotStart(pod);
        if (cannotStart.isPresent()) {
            return cannotStart;
        }
        String reason = pod.getStatus() == null ? null : pod.getStatus().getReason();
        String message = pod.getStatus() == null || pod.getStatus().getMessage() == null ? ""
                : pod.getStatus().getMessage().strip();
        if ("Failed".equals(phase) && reason != null && !reason.isBlank()) {
            // the kubelet's admission handlers also say "Evicted" (MemoryPressure), but for a pod that never ran
            boolean rejected = message.startsWith("Pod was rejected") || !everStarted(pod);
            if ("Evicted".equals(reason) && !rejected) {
                return Optional.of(new Verdict(HogFate.EVICTED, message.isEmpty() ? reason : message));
            }
            return Optional.of(new Verdict(HogFate.REJECTED, reason + (message.isEmpty() ? "" : ": " + message)));
        }
        String name = pod.getMetadata() == null ? null : pod.getMetadata().getName();
        Optional<EventRecord> evicted = events.stream().filter(e -> "Evicted".equals(e.reason())
                && "Pod".equals(e.objectKind()) && e.objectName().equals(name)).findFirst();
        if (evicted.isPresent()) {
            return Optional.of(new Verdict(HogFate.EVICTED, evicted.get().message()));
        }
        Optional<ContainerStateTerminated> terminated = PodStatuses.lastTerminated(pod);
        if (!last && terminated.isPresent() && Integer.valueOf(0).equals(terminated.get().getExitCode())) {
            // with --hold forever the eater exits 0 only on SIGTERM: someone (the kubelet evicting it) stopped it,
            // and the pod's reason or the Evicted event says who a tick or two later
            return Optional.empty();
        }
        boolean podFinal = "Failed".equals(phase) || "Succeeded".equals(phase);
        if (terminated.isPresent() && !podFinal) {
            // the container's end is reported before the pod's: an evicted eater exits 0 on SIGTERM while the pod
            // is still Running, and only then does the kubelet mark the pod Failed/Evicted. Only OOMKilled is final.
            return "OOMKilled".equals(terminated.get().getReason())
                    ? Optional.of(fromTermination(terminated.get(), events)) : Optional.empty();
        }
        if (terminated.isPresent()) {
            return Optional.of(fromTermination(terminated.get(), events));
        }
        if ("Failed".equals(phase)) {
            return Optional.of(new Verdict(HogFate.FAILED, message.isEmpty() ? "pod Failed without a reason" : message));
        }
        if ("Succeeded".equals(phase)) {
            return Optional.of(new Verdict(HogFate.FAILED, "the eater exited 0 (released its memory) on its own"));
        }
        return Optional.empty();
    }

    private static Verdict fromTermination(ContainerStateTerminated t, List<EventRecord> events) {
        String reason = t.getReason();
        int exit = t.getExitCode() == null ? -1 : t.getExitCode();
        if ("OOMKilled".equals(reason)) {
            return new Verdict(HogFate.OOM_KILLED, "OOMKilled (exit " + exit + ")");
        }
        String detail = t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage().strip();
        if (exit == SIGKILL_EXIT) {
            Optional<EventRecord> oom = events.stream().filter(e -> OOM_EVENTS.contains(e.reason())).reduce((a, b) -> b);
            if (oom.isPresent()) {
                return new Verdict(HogFate.OOM_KILLED, "killed by SIGKILL (exit 137) during a node OOM: "
                        + oom.get().reason() + " " + oom.get().message());
            }
            return new Verdict(HogFate.FAILED, "killed by SIGKILL (exit 137)" + (reason == null ? "" : ", " + reason) + detail);
        }
        if (exit == 0) {
            return new Verdict(HogFate.FAILED, "the eater exited 0 (released its memory) on its own" + detail);
        }
        return new Verdict(HogFate.FAILED, "exit " + exit + (reason == null ? "" : " (" + reason + ")") + detail
                + (exit == 64 ? " - the eater refused its command line" : exit == 72 ? " - mmap/madvise failed" : ""));
    }

    /** A container waiting for a reason of {@link #CANNOT_START}: NEVER_STARTED with the kubelet's words. */
    private static Optional<Verdict> cannotStart(Pod pod) {
        for (ContainerStatus c : PodStatuses.containerStatuses(pod)) {
            var waiting = c.getState() == null ? null : c.getState().getWaiting();
            if (waiting != null && CANNOT_START.contains(waiting.getReason())) {
                return Optional.of(new Verdict(HogFate.NEVER_STARTED, "container " + c.getName() + " cannot start: "
                        + waiting.getReason() + (waiting.getMessage() == null ? "" : " " + waiting.getMessage().strip())
                        + " (image " + c.getImage() + ")"));
            }
        }
        return Optional.empty();
    }

    /**
     * A kill Squeeze's own delete cannot cause: a container OOMKilled, or the pod evicted (its reason or an Evicted
     * event). Squeeze's SIGTERM ends the eater with exit 0, its grace period with SIGKILL (137 without OOMKilled).
     */
    static boolean killedByNodeOrKernel(Pod pod, List<EventRecord> events) {
        boolean oom = PodStatuses.lastTerminated(pod).map(t -> "OOMKilled".equals(t.getReason())).orElse(false);
        boolean evicted = pod.getStatus() != null && "Evicted".equals(pod.getStatus().getReason());
        String name = pod.getMetadata() == null ? null : pod.getMetadata().getName();
        return oom || evicted || events.stream().anyMatch(e -> "Evicted".equals(e.reason())
                && "Pod".equals(e.objectKind()) && e.objectName().equals(name));
    }

    /** The kubelet's {@code finishedAt} of the pod's most recent container termination (second resolution). */
    static Optional<Instant> finishedAt(Pod pod) {
        return PodStatuses.lastTerminated(pod).map(ContainerStateTerminated::getFinishedAt).flatMap(f -> {
            try {
                return Optional.of(OffsetDateTime.parse(f).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Whether any container of {@code pod} ever ran (running now, or terminated). */
    static boolean everStarted(Pod pod) {
        for (ContainerStatus c : PodStatuses.containerStatuses(pod)) {
            boolean running = c.getState() != null && c.getState().getRunning() != null;
            boolean terminated = c.getState() != null && c.getState().getTerminated() != null
                    && c.getState().getTerminated().getStartedAt() != null;
            boolean before = c.getLastState() != null && c.getLastState().getTerminated() != null;
            if (running || terminated || before) {
                return true;
            }
        }
        return false;
    }

    /** Why a pod that never got to run is still waiting: unschedulable, image pull, container creation. */
    public static String pendingReason(Pod pod) {
        var scheduled = PodStatuses.condition(pod, "PodScheduled");
        if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus())) {
            return "not scheduled: " + scheduled.get().getReason() + " " + nullToEmpty(scheduled.get().getMessage());
        }
        for (ContainerStatus c : PodStatuses.containerStatuses(pod)) {
            if (c.getState() != null && c.getState().getWaiting() != null) {
                var w = c.getState().getWaiting();
                return "container waiting: " + w.getReason() + (w.getMessage() == null ? "" : " " + w.getMessage());
            }
        }
        return "pod " + PodStatuses.phase(pod);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
