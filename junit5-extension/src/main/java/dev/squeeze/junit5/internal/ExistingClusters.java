package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * An existing cluster's nodes are not Squeeze's to shape: node-level settings that differ from their defaults are
 * refused by name rather than silently ignored, since a test that declared a 2Gi node would prove something else on
 * a 64Gi one.
 */
final class ExistingClusters {

    private ExistingClusters() {
    }

    static void refuseNodeShaping(NodeSpec declared, Subject subject, ExistingClusterSpec cluster, Problems problems) {
        NodeSpec defaults = NodeSpec.defaults();
        List<String> shaped = new ArrayList<>();
        addIf(shaped, "memory", !declared.memory().equals(defaults.memory()));
        addIf(shaped, "evictionHard", !declared.evictionHard().equals(defaults.evictionHard()));
        addIf(shaped, "kubeReserved", !declared.kubeReserved().equals(defaults.kubeReserved()));
        addIf(shaped, "systemReserved", !declared.systemReserved().equals(defaults.systemReserved()));
        addIf(shaped, "pressureTransitionPeriod",
                !declared.pressureTransitionPeriod().equals(defaults.pressureTransitionPeriod()));
        addIf(shaped, "image", !declared.image().equals(defaults.image()));
        addIf(shaped, "wall", declared.wall() != defaults.wall());
        addIf(shaped, "kubeletArgs", !declared.kubeletArgs().isEmpty());
        addIf(shaped, "loadImages", !declared.imagesToLoad().isEmpty());
        if (!shaped.isEmpty()) {
            problems.add(subject.attrs(shaped) + " cannot apply to the existing cluster of " + cluster.kubeconfig()
                    + ": Squeeze does not resize or reconfigure a node it did not start."
                    + " Fix: remove " + String.join(", ", shaped) + " to run there as the cluster is, or unset"
                    + " squeeze.kubeconfig to run on a k3s node shaped as declared");
        }
    }

    private static void addIf(List<String> names, String name, boolean condition) {
        if (condition) {
            names.add(name);
        }
    }
}
