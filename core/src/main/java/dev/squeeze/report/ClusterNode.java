package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.util.List;

/**
 * One node of the cluster as the experiment found it at the start: its name, roles and memory. Every node is listed,
 * the target (where the hog runs) marked; its samples are in {@link ChaosReport#node()} for the target and
 * {@link ChaosReport#otherNodes()} for the others.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * report.clusterNodes().stream().filter(ClusterNode::target).findFirst().map(ClusterNode::name);  // "worker-1"
 * }</pre>
 *
 * @param name             the Node's name
 * @param roles            its {@code node-role.kubernetes.io/<role>} labels ({@code control-plane}, {@code master}...);
 *                         {@code worker} when it has none
 * @param target           the hog is pinned to this node and {@code node()} assertions are about it
 * @param capacityBytes    status.capacity.memory, {@code null} if the Node did not say
 * @param allocatableBytes status.allocatable.memory, {@code null} if the Node did not say
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ClusterNode(String name, List<String> roles, boolean target, Long capacityBytes, Long allocatableBytes) {

    public ClusterNode {
        roles = List.copyOf(roles);
    }

    /** The roles joined with commas, such as {@code control-plane,master}. */
    public String role() {
        return String.join(",", roles);
    }
}
