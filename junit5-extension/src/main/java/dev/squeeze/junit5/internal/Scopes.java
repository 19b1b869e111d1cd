package dev.squeeze.junit5.internal;

import dev.squeeze.junit5.Lifecycle;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Which extension context owns what: settings the top-level class, a cluster its lifecycle's context. */
final class Scopes {

    private Scopes() {
    }

    /** The top-level test class's context, shared by its {@code @Nested} classes. */
    static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get() != context.getRoot()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** {@code EvictionTest} or {@code EvictionTest.evicts()}: what a log line says a node belongs to. */
    static String describe(ExtensionContext scope) {
        String testClass = scope.getRequiredTestClass().getSimpleName();
        return scope.getTestMethod().map(m -> testClass + "." + m.getName() + "()").orElse(testClass);
    }

    static ExtensionContext clusterScope(ExtensionContext context, Lifecycle lifecycle) {
        if (lifecycle == Lifecycle.PER_CLASS) {
            return topLevelClass(context);
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("Squeeze starts a node per test method under"
                    + " @ChaosNode(lifecycle = Lifecycle.PER_METHOD), so there is none yet for "
                    + context.getDisplayName() + " (a constructor or @BeforeAll method)."
                    + " Fix: take the cluster or client as a parameter of the test or @BeforeEach method, or use"
                    + " lifecycle = Lifecycle.PER_CLASS");
        }
        return context;
    }
}
