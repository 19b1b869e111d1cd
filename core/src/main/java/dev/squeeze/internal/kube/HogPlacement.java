package dev.squeeze.internal.kube;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the scheduler can put the hog on a node: not cordoned, and every NoSchedule/NoExecute taint tolerated by
 * the hog's tolerations (it has none). The hog is pinned by required node affinity, so a node that fails this keeps
 * it Pending.
 *
 * <pre>{@code
 * HogPlacement.whyNot(node);   // Optional["taint dedicated=gpu:NoSchedule"], Optional["cordoned"] or empty
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class HogPlacement {

    /** The hog pod's tolerations (and the admission-check pod's): none. */
    public static final List<Toleration> HOG_TOLERATIONS = List.of();
    private static final Set<String> KEEPING_OFF = Set.of("NoSchedule", "NoExecute");

    private HogPlacement() {
    }

    /** Why the hog cannot be scheduled on {@code node}, or empty when it can. */
    public static Optional<String> whyNot(Node node) {
        if (node.getSpec() == null) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            return Optional.of("cordoned");
        }
        return Objects.requireNonNullElse(node.getSpec().getTaints(), List.<Taint>of()).stream()
                .filter(t -> KEEPING_OFF.contains(t.getEffect()))
                .filter(t -> HOG_TOLERATIONS.stream().noneMatch(tol -> tolerates(tol, t)))
                .findFirst()
                .map(t -> "taint " + t.getKey() + (t.getValue() == null || t.getValue().isEmpty() ? "" : "="
                        + t.getValue()) + ":" + t.getEffect());
    }

    /** Kubernetes' matching: same effect (or any), same key (or any with Exists), Equal compares the value. */
    static boolean tolerates(Toleration toleration, Taint taint) {
        boolean effect = toleration.getEffect() == null || toleration.getEffect().isEmpty()
                || toleration.getEffect().equals(taint.getEffect());
        boolean key = toleration.getKey() == null || toleration.getKey().isEmpty()
                || toleration.getKey().equals(taint.getKey());
        boolean value = "Exists".equals(toleration.getOperator())
                || Objects.equals(Objects.requireNonNullElse(toleration.getValue(), ""),
                Objects.requireNonNullElse(taint.getValue(), ""));
        return effect && key && value;
    }
}
