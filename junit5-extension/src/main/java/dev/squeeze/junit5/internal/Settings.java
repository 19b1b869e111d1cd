package dev.squeeze.junit5.internal;

import dev.squeeze.junit5.SqueezeConfig;

/**
 * A test class's configuration after configuration parameters are applied and every check has passed.
 *
 * @param config   node, lifecycle, workloads, existing cluster, report directory and tick
 * @param hogImage the hog's JRE image when {@code @MemoryHog(image)} is unset
 * @param disabledWithoutDocker skip (instead of fail) where Docker is missing; opted in by the user
 * @param reuseNode             take the node from the run's {@link SharedNodes} instead of starting one of its own
 */
record Settings(SqueezeConfig config, String hogImage, boolean disabledWithoutDocker, boolean reuseNode) {
}
