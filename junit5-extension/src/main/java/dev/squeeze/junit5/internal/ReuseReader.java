package dev.squeeze.junit5.internal;

import dev.squeeze.junit5.Lifecycle;
import dev.squeeze.junit5.NodeReuse;
import dev.squeeze.junit5.SqueezeConfig;
import dev.squeeze.junit5.SqueezeProperties;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a class's node comes from the run's {@link SharedNodes}: the attribute (or builder value) when set,
 * else the configuration parameter {@value SqueezeProperties#REUSE_NODES}, else no. A suite-wide {@code true} leaves
 * {@link Lifecycle#PER_METHOD} classes and existing clusters alone; asking for it on such a class explicitly is a
 * mistake.
 */
final class ReuseReader {

    private ReuseReader() {
    }

    static boolean reuse(SqueezeConfig config, Subject subject, Optional<String> parameter, Problems problems) {
        boolean applicable = config.lifecycle() == Lifecycle.PER_CLASS && config.existingCluster().isEmpty();
        if (config.reuse() == NodeReuse.ACROSS_CLASSES) {
            if (config.lifecycle() == Lifecycle.PER_METHOD) {
                problems.add(subject.attr("reuse"), "cannot share a node across classes when every method gets a"
                        + " fresh node (lifecycle = PER_METHOD)", config.reuse(), "use lifecycle = PER_CLASS, or"
                        + " remove reuse = ACROSS_CLASSES");
            }
            return applicable;
        }
        if (config.reuse() == NodeReuse.NEVER) {
            return false;
        }
        boolean fromParameter = parameter.map(value -> parse(value, problems)).orElse(false);
        return fromParameter && applicable;
    }

    private static boolean parse(String value, Problems problems) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add("Configuration parameter " + SqueezeProperties.REUSE_NODES, "must be true or false", value,
                    "write " + SqueezeProperties.REUSE_NODES + "=true to let classes with equal @ChaosNode settings"
                    + " share a node, or remove it to give every class a node of its own (the default)");
            return false;
        }
        return v.equals("true");
    }
}
