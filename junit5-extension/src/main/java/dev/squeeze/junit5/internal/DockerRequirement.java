package dev.squeeze.junit5.internal;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.SqueezeProperties;

import java.util.Locale;
import java.util.Optional;

/**
 * Testcontainers' convention for a k3s test on a machine without Docker: fail with the real cause by default, skip
 * only when the user opted in, with {@code @ChaosNode(disabledWithoutDocker = true)} (like
 * {@code @Testcontainers(disabledWithoutDocker = true)}) or the configuration parameter
 * {@value SqueezeProperties#DISABLED_WITHOUT_DOCKER}.
 *
 * <pre>{@code
 * throw DockerRequirement.missing(EvictionTest.class, problem);
 * }</pre>
 */
final class DockerRequirement {

    static final String OPT_IN = "@ChaosNode(disabledWithoutDocker = true) or "
            + SqueezeProperties.DISABLED_WITHOUT_DOCKER + "=true";

    private DockerRequirement() {
    }

    /** The failure of a class that needs Docker where there is none; the cause is Testcontainers' own exception. */
    static IllegalStateException missing(Class<?> testClass, RuntimeException problem) {
        return new IllegalStateException(testClass.getSimpleName() + " needs Docker to start a k3s node, but Docker"
                + " is not available: " + problem.getMessage() + ". Fix: start Docker (or point DOCKER_HOST at it),"
                + " set " + SqueezeProperties.KUBECONFIG + " to run on an existing cluster, or skip such classes"
                + " where Docker is missing with " + OPT_IN, problem.getCause() != null ? problem.getCause() : problem);
    }

    /** The opt-in: the attribute when set, else the configuration parameter, else fail (the default). */
    static boolean disabledWithoutDocker(Optional<ChaosNode> node, Optional<String> parameter, Problems problems) {
        if (node.isPresent() && node.get().disabledWithoutDocker()) {
            return true;
        }
        if (parameter.isEmpty()) {
            return false;
        }
        String value = parameter.get().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            problems.add("Configuration parameter " + SqueezeProperties.DISABLED_WITHOUT_DOCKER, "must be true or"
                    + " false", parameter.get(), "write " + SqueezeProperties.DISABLED_WITHOUT_DOCKER + "=true to skip"
                    + " Squeeze classes where Docker is missing, or remove it to fail them (the default)");
            return false;
        }
        return value.equals("true");
    }
}
