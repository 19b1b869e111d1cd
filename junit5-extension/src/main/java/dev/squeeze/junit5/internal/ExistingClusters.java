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
        List<String> values = new ArrayList<>();
        addIf(shaped, values, "memory", quoted(declared.memory().toQuantity()),
                !declared.memory().equals(defaults.memory()));
        addIf(shaped, values, "swap", quoted(declared.swap().toQuantity()), declared.hasSwap());
        addIf(shaped, values, "evictionHard", quoted(declared.evictionHard().toQuantity()),
                !declared.evictionHard().equals(defaults.evictionHard()));
        addIf(shaped, values, "kubeReserved", quoted(declared.kubeReserved().toQuantity()),
                !declared.kubeReserved().equals(defaults.kubeReserved()));
        addIf(shaped, values, "systemReserved", quoted(declared.systemReserved().toQuantity()),
                !declared.systemReserved().equals(defaults.systemReserved()));
        addIf(shaped, values, "pressureTransitionPeriod",
                quoted(dev.squeeze.internal.units.Durations.format(declared.pressureTransitionPeriod())),
                !declared.pressureTransitionPeriod().equals(defaults.pressureTransitionPeriod()));
        addIf(shaped, values, "image", quoted(declared.image()), !declared.image().equals(defaults.image()));
        addIf(shaped, values, "wall", "MemoryWall." + declared.wall(), declared.wall() != defaults.wall());
        addIf(shaped, values, "kubeletArgs", array(declared.kubeletArgs()), !declared.kubeletArgs().isEmpty());
        addIf(shaped, values, "loadImages", array(declared.imagesToLoad()), !declared.imagesToLoad().isEmpty());
        if (!shaped.isEmpty()) {
            problems.add(subject.attrs(shaped) + " cannot apply to the existing cluster of " + cluster.kubeconfig()
                    + ", but was " + String.join(", ", values) + ": Squeeze does not resize or reconfigure a node it"
                    + " did not start. Fix: remove " + String.join(", ", shaped) + " to run there as the cluster is,"
                    + " or unset squeeze.kubeconfig to run on a k3s node shaped as declared");
        }
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private static String array(List<String> values) {
        return values.stream().map(ExistingClusters::quoted)
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }

    private static void addIf(List<String> names, List<String> values, String name, String value, boolean condition) {
        if (condition) {
            names.add(name);
            values.add(name + " = " + value);
        }
    }
}
