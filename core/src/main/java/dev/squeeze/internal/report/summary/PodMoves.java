package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "Did my service move and stay available": the workload pods evicted from the target node, and where their
 * replacements ran and when they became Ready. A replacement is a workload pod that was not there at the first
 * sample, first seen after the eviction, with the evicted pod's labels (controller hashes aside), on any node; a
 * StatefulSet's pod that comes back under its own name on another node is its own replacement.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * for (PodMoves.Move m : PodMoves.of(report)) {
 *     m.describe(report.started());  // "web-abc evicted from worker-1 at +00:41 -> web-xyz on worker-2, Ready at +00:47"
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class PodMoves {

    /** Labels that differ between a pod and its replacement even under the same controller. */
    private static final Set<String> CONTROLLER_LABELS = Set.of("pod-template-hash", "controller-revision-hash",
            "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index");

    private PodMoves() {
    }

    /**
     * One evicted pod.
     *
     * @param pod         {@code namespace/name} of the evicted pod
     * @param fromNode    the node it was evicted from (the target)
     * @param evictedAt   the first sample (or Evicted event) that showed the eviction
     * @param replacement {@code namespace/name} of its replacement, {@code null} when none was seen
     * @param toNode      the node the replacement ran on, {@code null} when none or not yet scheduled
     * @param readyAt     the replacement's first Ready sample, {@code null} when it was never seen Ready
     */
    public record Move(String pod, String fromNode, Instant evictedAt, String replacement, String toNode,
                       Instant readyAt) {

        /** One line with offsets from {@code origin}. */
        public String describe(Instant origin) {
            String head = pod + " evicted from " + fromNode + " at " + Timeline.offset(origin, evictedAt);
            if (replacement == null) {
                return head + " -> no replacement seen";
            }
            return head + " -> " + replacement + " on " + (toNode == null ? "no node yet" : toNode)
                    + (readyAt == null ? ", never Ready" : ", Ready at " + Timeline.offset(origin, readyAt));
        }
    }

    /** The evicted workload pods of the target node, in order of eviction. */
    public static List<Move> of(ChaosReport report) {
        String target = EveryNode.targetName(report);
        Map<String, List<PodSample>> byPod = new LinkedHashMap<>();
        report.pods().stream().filter(s -> s.role() == PodRole.WORKLOAD)
                .forEach(s -> byPod.computeIfAbsent(s.namespace() + "/" + s.name(), k -> new ArrayList<>()).add(s));
        Instant firstTick = report.pods().stream().map(PodSample::at).findFirst().orElse(null);
        List<Move> moves = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<Map.Entry<String, Instant>> evicted = new ArrayList<>();
        byPod.forEach((key, samples) -> evictedAt(report, samples, target)
                .ifPresent(at -> evicted.add(Map.entry(key, at))));
        evicted.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, Instant> e : evicted) {
            List<PodSample> samples = byPod.get(e.getKey());
            Instant at = e.getValue();
            Optional<PodSample> sameName = samples.stream()
                    .filter(s -> s.at().isAfter(at) && s.node() != null && !s.node().equals(target)).findFirst();
            if (sameName.isPresent()) {
                String node = sameName.get().node();
                moves.add(new Move(e.getKey(), target, at, e.getKey(), node, samples.stream()
                        .filter(s -> s.ready() && node.equals(s.node())).map(PodSample::at).findFirst().orElse(null)));
                continue;
            }
            Map<String, String> labels = withoutControllerLabels(samples.get(0).labels());
            Optional<String> replacement = byPod.entrySet().stream()
                    .filter(r -> !used.contains(r.getKey()) && !r.getKey().equals(e.getKey()))
                    .filter(r -> !r.getValue().get(0).at().equals(firstTick) && !r.getValue().get(0).at().isBefore(at))
                    .filter(r -> !labels.isEmpty() && labels.equals(withoutControllerLabels(r.getValue().get(0).labels())))
                    .map(Map.Entry::getKey).findFirst();
            replacement.ifPresent(used::add);
            List<PodSample> r = replacement.map(byPod::get).orElse(List.of());
            moves.add(new Move(e.getKey(), target, at, replacement.orElse(null),
                    r.stream().map(PodSample::node).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null),
                    r.stream().filter(PodSample::ready).map(PodSample::at).findFirst().orElse(null)));
        }
        return moves;
    }

    /** When a pod that ran on {@code target} was seen evicted: its status, else an Evicted event about it. */
    private static Optional<Instant> evictedAt(ChaosReport report, List<PodSample> samples, String target) {
        boolean onTarget = target != null && samples.stream().anyMatch(s -> target.equals(s.node()));
        if (!onTarget) {
            return Optional.empty();
        }
        PodSample first = samples.get(0);
        return samples.stream().filter(s -> "Evicted".equals(s.lastTermination())).map(PodSample::at).findFirst()
                .or(() -> report.events().stream().filter(ev -> "Evicted".equals(ev.reason())
                        && first.name().equals(ev.objectName()) && Objects.equals(first.namespace(), ev.namespace()))
                        .map(EventRecord::at).findFirst());
    }

    private static Map<String, String> withoutControllerLabels(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>(labels);
        out.keySet().removeAll(CONTROLLER_LABELS);
        return out;
    }
}
