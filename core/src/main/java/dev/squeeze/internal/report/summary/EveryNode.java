package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.ClusterNode;
import dev.squeeze.report.NodeSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every node of the cluster with what it went through: the target (where the hog ran, {@link ChaosReport#node()})
 * first, then the others ({@link ChaosReport#otherNodes()}) by name. {@code node()} assertions stay about the target;
 * this is what the JSON summary's {@code nodes} and the HTML's node table show.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * for (EveryNode.Entry n : EveryNode.of(report)) {
 *     n.target();                                    // true for the node under pressure
 *     n.history().map(NodeHistory::stayedReady);     // empty when the node was never sampled
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class EveryNode {

    private EveryNode() {
    }

    /**
     * One node.
     *
     * @param node    the node as listed at the start; for reports without a node list, built from the samples
     * @param history its samples' history, empty when it was never sampled
     */
    public record Entry(ClusterNode node, Optional<NodeHistory> history) {

        public String name() {
            return node.name();
        }

        public boolean target() {
            return node.target();
        }
    }

    /** The target first, then the other nodes by name. */
    public static List<Entry> of(ChaosReport report) {
        String target = targetName(report);
        Map<String, NodeHistory> histories = new LinkedHashMap<>();
        NodeHistory.of(report).forEach(h -> histories.put(h.node(), h));
        Map<String, List<NodeSample>> byNode = new LinkedHashMap<>();
        report.otherNodes().forEach(s -> byNode.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(s));
        byNode.forEach((name, samples) -> histories.putIfAbsent(name, NodeHistory.of(samples)));
        Map<String, ClusterNode> listed = new LinkedHashMap<>();
        report.clusterNodes().forEach(n -> listed.put(n.name(), n));
        histories.keySet().forEach(name -> listed.putIfAbsent(name, new ClusterNode(name, List.of(),
                name.equals(target), null, null)));
        return listed.values().stream()
                .sorted((a, b) -> a.target() != b.target() ? (a.target() ? -1 : 1) : a.name().compareTo(b.name()))
                .map(n -> new Entry(n, Optional.ofNullable(histories.get(n.name())))).toList();
    }

    /** The node the hog was pinned to: the node list's mark, else the cluster facts', else the first sampled node. */
    public static String targetName(ChaosReport report) {
        return report.clusterNodes().stream().filter(ClusterNode::target).map(ClusterNode::name).findFirst()
                .or(() -> Optional.ofNullable(report.cluster()).map(ClusterFacts::node))
                .or(() -> report.node().stream().map(NodeSample::node).findFirst())
                .orElse(null);
    }
}
