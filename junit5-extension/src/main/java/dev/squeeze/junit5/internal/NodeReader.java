package dev.squeeze.junit5.internal;

import dev.squeeze.internal.cluster.Images;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.units.MemorySize;

import java.time.Duration;
import java.util.List;

/** Reads {@link ChaosNode @ChaosNode} into a {@link NodeSpec}; unparsable attributes fall back to defaults. */
final class NodeReader {

    static final Subject SUBJECT = Subject.annotation(ChaosNode.class, "");

    private NodeReader() {
    }

    static NodeSpec read(ChaosNode node, Problems problems) {
        Parsing parse = new Parsing(SUBJECT, problems);
        NodeSpec defaults = NodeSpec.defaults();
        MemorySize memory = parse.quantity("memory", node.memory()).orElse(defaults.memory());
        MemorySize evictionHard = parse.quantity("evictionHard", node.evictionHard()).orElse(defaults.evictionHard());
        MemorySize kubeReserved = parse.quantity("kubeReserved", node.kubeReserved()).orElse(defaults.kubeReserved());
        MemorySize systemReserved =
                parse.quantity("systemReserved", node.systemReserved()).orElse(defaults.systemReserved());
        Duration transition = parse.duration("pressureTransitionPeriod", node.pressureTransitionPeriod())
                .orElse(defaults.pressureTransitionPeriod());
        Duration startup = parse.duration("startupTimeout", node.startupTimeout()).orElse(defaults.startupTimeout());
        MemorySize swap = parse.quantity("swap", node.swap()).orElse(defaults.swap());
        String image = node.image().isEmpty() ? Images.defaultK3sImage() : node.image();
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, transition, image, node.wall(),
                List.of(node.kubeletArgs()), List.of(node.loadImages()), startup, swap);
    }
}
