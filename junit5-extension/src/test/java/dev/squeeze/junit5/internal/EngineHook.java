package dev.squeeze.junit5.internal;

import java.util.function.Supplier;

/**
 * Test-only access to {@link SqueezeRuntime#engines}: this class exists only in the extension's test sources, so
 * production code has no way to swap the engine.
 */
public final class EngineHook {

    private EngineHook() {
    }

    /** Runs {@code action} with engines from {@code engines}, then restores the real one. */
    public static <T> T with(Supplier<ChaosEngine> engines, Supplier<T> action) {
        Supplier<ChaosEngine> previous = SqueezeRuntime.engines;
        SqueezeRuntime.engines = engines;
        try {
            return action.get();
        } finally {
            SqueezeRuntime.engines = previous;
        }
    }
}
