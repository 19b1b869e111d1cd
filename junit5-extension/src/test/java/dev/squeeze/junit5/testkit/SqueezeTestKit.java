package dev.squeeze.junit5.testkit;

import dev.squeeze.junit5.SqueezeProperties;
import dev.squeeze.junit5.internal.EngineHook;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a {@code *TestCase} fixture through the Jupiter engine with the {@link FakeEngine} in place of Squeeze core. */
public final class SqueezeTestKit {

    public static final String REPORT_DIR = "target/squeeze-test-reports";

    private SqueezeTestKit() {
    }

    public static EngineExecutionResults execute(Class<?> testCase) {
        return execute(testCase, Map.of());
    }

    public static EngineExecutionResults execute(Class<?> testCase, Map<String, String> parameters) {
        return execute(Map.copyOf(parameters), testCase);
    }

    /** Runs several fixtures in one launcher run (one root context), in the order given. */
    public static EngineExecutionResults execute(Map<String, String> parameters, Class<?>... testCases) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(java.util.Arrays.stream(testCases).map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .configurationParameter(SqueezeProperties.REPORT_DIR, REPORT_DIR);
        parameters.forEach(kit::configurationParameter);
        return EngineHook.with(FakeEngine::new, kit::execute);
    }
}
