package dev.squeeze.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.nio.file.Path;

/**
 * An existing cluster to run experiments on instead of a throwaway k3s node.
 *
 * @param kubeconfig the kubeconfig file
 * @param context    the context to use; {@code ""} for the kubeconfig's current context
 * @param node       the node to put the hog on and observe: a node name, a label selector of {@code key=value} terms
 *                   ({@code squeeze.dev/profile=tuned}: the first Ready match by name), or {@code ""} to let Squeeze
 *                   pick the first Ready worker
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ExistingClusterSpec(Path kubeconfig, String context, String node) {
}
