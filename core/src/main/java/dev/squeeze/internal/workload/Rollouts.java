package dev.squeeze.internal.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.CrossVersionObjectReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a controller has rolled out, read as {@code kubectl rollout status} and {@code helm --wait} read it: its
 * controller has seen the latest spec, and the desired replicas are updated, ready and available. The desired count
 * is {@code spec.replicas}, raised to a HorizontalPodAutoscaler's {@code minReplicas} when one targets the controller
 * (a Deployment without {@code replicas} starts at 1; the HPA controller scales it to its minimum on its first sync,
 * about 15 s later). Pure, so every case is tested with hand-built objects.
 *
 * <pre>{@code
 * Rollouts.pending(deployment, 2);   // Optional["Deployment web: 1 of 2 replicas updated, 1 ready, 1 available"]
 * }</pre>
 */
final class Rollouts {

    private Rollouts() {
    }

    /** Whether Squeeze awaits the rollout of {@code o}: Deployments, StatefulSets, DaemonSets and ReplicaSets. */
    static boolean isController(HasMetadata o) {
        return o instanceof Deployment || o instanceof StatefulSet || o instanceof DaemonSet || o instanceof ReplicaSet;
    }

    /**
     * What {@code current} (the controller as the API server returns it now) still waits for, or empty when it has
     * rolled out.
     *
     * @param minReplicas the highest {@code minReplicas} of the HPAs that target it, 0 when none does
     */
    static Optional<String> pending(HasMetadata current, int minReplicas) {
        String name = current.getKind() + " " + current.getMetadata().getName();
        Long generation = current.getMetadata().getGeneration();
        if (current instanceof Deployment d) {
            var s = d.getStatus();
            int desired = Math.max(orOne(d.getSpec().getReplicas()), minReplicas);
            return s == null ? Optional.of(name + ": no status yet")
                    : replicas(name, generation, s.getObservedGeneration(), desired, s.getReplicas(),
                    s.getUpdatedReplicas(), s.getReadyReplicas(), s.getAvailableReplicas());
        }
        if (current instanceof StatefulSet ss) {
            var s = ss.getStatus();
            int desired = Math.max(orOne(ss.getSpec().getReplicas()), minReplicas);
            boolean onDelete = ss.getSpec().getUpdateStrategy() != null
                    && "OnDelete".equals(ss.getSpec().getUpdateStrategy().getType());
            return s == null ? Optional.of(name + ": no status yet")
                    : replicas(name, generation, s.getObservedGeneration(), desired, s.getReplicas(),
                    onDelete ? Integer.valueOf(desired) : s.getUpdatedReplicas(), s.getReadyReplicas(),
                    s.getAvailableReplicas());
        }
        if (current instanceof ReplicaSet rs) {
            var s = rs.getStatus();
            int desired = Math.max(orOne(rs.getSpec().getReplicas()), minReplicas);
            return s == null ? Optional.of(name + ": no status yet")
                    : replicas(name, generation, s.getObservedGeneration(), desired, s.getReplicas(), desired,
                    s.getReadyReplicas(), s.getAvailableReplicas());
        }
        if (current instanceof DaemonSet ds) {
            var s = ds.getStatus();
            if (s == null) {
                return Optional.of(name + ": no status yet");
            }
            int desired = zero(s.getDesiredNumberScheduled());
            return replicas(name, generation, s.getObservedGeneration(), desired, s.getCurrentNumberScheduled(),
                    s.getUpdatedNumberScheduled(), s.getNumberReady(), s.getNumberAvailable());
        }
        return Optional.empty();
    }

    private static Optional<String> replicas(String name, Long generation, Long observed, int desired,
                                             Integer current, Integer updated, Integer ready, Integer available) {
        if (generation != null && (observed == null || observed < generation)) {
            return Optional.of(name + ": waiting for its controller to observe generation " + generation
                    + " (observed " + (observed == null ? "none" : observed) + ")");
        }
        int u = zero(updated);
        int r = zero(ready);
        int a = zero(available);
        int c = zero(current);
        if (u < desired || r < desired || a < desired) {
            return Optional.of(name + ": " + u + " of " + desired + " replicas updated, " + r + " ready, " + a
                    + " available");
        }
        if (c > u) {
            return Optional.of(name + ": " + (c - u) + " old replicas pending termination (" + u + " of " + desired
                    + " updated)");
        }
        return Optional.empty();
    }

    /** The highest {@code minReplicas} per target ({@code Deployment/web}) of the HPAs among {@code objects}. */
    static Map<String, Integer> hpaMinimums(List<HasMetadata> objects) {
        Map<String, Integer> min = new java.util.HashMap<>();
        for (HasMetadata o : objects) {
            if (o instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler h
                    && h.getSpec() != null && h.getSpec().getScaleTargetRef() != null) {
                var ref = h.getSpec().getScaleTargetRef();
                min.merge(ref.getKind() + "/" + ref.getName(), orOne(h.getSpec().getMinReplicas()), Math::max);
            } else if (o instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler h
                    && h.getSpec() != null && h.getSpec().getScaleTargetRef() != null) {
                CrossVersionObjectReference ref = h.getSpec().getScaleTargetRef();
                min.merge(ref.getKind() + "/" + ref.getName(), orOne(h.getSpec().getMinReplicas()), Math::max);
            }
        }
        return min;
    }

    static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    private static int orOne(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }
}
