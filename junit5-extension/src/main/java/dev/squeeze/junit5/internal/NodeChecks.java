package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a node spec for values that parse but cannot work together. */
final class NodeChecks {

    /** What pods need at the very least next to k3s: a workload plus a hog that can build pressure. */
    static final MemorySize MIN_ALLOCATABLE = MemorySize.ofMebibytes(512);

    private static final Pattern KUBELET_ARG = Pattern.compile("[a-z][a-z0-9-]*=.*");
    private static final Map<String, String> OWNED_FLAGS = Map.of(
            "eviction-hard", "evictionHard",
            "kube-reserved", "kubeReserved",
            "system-reserved", "systemReserved",
            "eviction-pressure-transition-period", "pressureTransitionPeriod");

    private NodeChecks() {
    }

    static void check(NodeSpec node, Subject subject, Problems problems) {
        MemorySize minimum = node.kubeReserved().plus(node.systemReserved()).plus(node.evictionHard())
                .plus(MIN_ALLOCATABLE);
        if (node.memory().compareTo(minimum) < 0) {
            problems.add(subject.attr("memory"), "must leave at least " + MIN_ALLOCATABLE + " allocatable for pods"
                            + " after kubeReserved (" + node.kubeReserved() + "), systemReserved ("
                            + node.systemReserved() + ") and evictionHard (" + node.evictionHard() + ")",
                    node.memory(), subject.assign("memory", minimum.toQuantity()) + " or more, or lower the reservations");
        }
        positive(subject, "startupTimeout", node.startupTimeout(), "3m", problems);
        if (node.pressureTransitionPeriod().isNegative()) {
            problems.add(subject.attr("pressureTransitionPeriod"), "must not be negative",
                    node.pressureTransitionPeriod(), subject.assign("pressureTransitionPeriod", "30s"));
        }
        if (!Names.isImage(node.image())) {
            problems.add(subject.attr("image"), "must be a Docker image name such as rancher/k3s:v1.34.4-k3s1",
                    node.image(), "correct the name, or leave image unset to use the tested default");
        }
        node.kubeletArgs().forEach(arg -> checkKubeletArg(arg, subject, problems));
        for (String image : node.imagesToLoad()) {
            if (!Names.isImage(image)) {
                problems.add(subject.attr("loadImages"), "must list Docker image names such as my-app:1.0", image,
                        "write the name as `docker images` shows it, repository:tag");
            }
        }
    }

    static void positive(Subject subject, String attribute, Duration value, String example, Problems problems) {
        if (value.isNegative() || value.isZero()) {
            problems.add(subject.attr(attribute), "must be a positive duration",
                    value.isNegative() ? value : dev.squeeze.internal.units.Durations.format(value),
                    subject.assign(attribute, example));
        }
    }

    private static void checkKubeletArg(String arg, Subject subject, Problems problems) {
        if (arg.startsWith("-")) {
            String bare = arg.replaceFirst("^-+", "");
            problems.add(subject.attr("kubeletArgs"), "must list key=value without leading dashes", arg,
                    "write \"" + bare + "\"");
            return;
        }
        if (!KUBELET_ARG.matcher(arg).matches()) {
            problems.add(subject.attr("kubeletArgs"), "must list kubelet flags as key=value, such as"
                    + " \"max-pods=20\"", arg, "write the flag name, '=' and its value");
            return;
        }
        String key = arg.substring(0, arg.indexOf('='));
        String owner = OWNED_FLAGS.get(key);
        if (owner != null) {
            problems.add(subject.attr("kubeletArgs"), "must not set " + key + ", which Squeeze derives from"
                    + " `" + owner + "` (and a second flag would silently win or lose)", arg,
                    "remove it and set " + owner + " instead");
        }
    }
}
