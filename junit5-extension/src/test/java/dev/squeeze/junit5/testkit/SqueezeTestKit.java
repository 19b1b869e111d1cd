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
                .configurationParameter(SqueezeProperties.REPORT_DIR, REPORT_DIR)
                // where ExtensionContext.publishFile puts the report files (JUnit 5.12+); the kit has none by default
                .outputDirectoryProvider(new JunitFiles());
        parameters.forEach(kit::configurationParameter);
        return EngineHook.with(FakeEngine::new, kit::execute);
    }

    /** One directory per test descriptor below target/squeeze-test-junit-files. */
    @SuppressWarnings("deprecation")
    private static final class JunitFiles implements org.junit.platform.engine.reporting.OutputDirectoryProvider {
        private final java.nio.file.Path root = java.nio.file.Paths.get("target", "squeeze-test-junit-files");

        @Override
        public java.nio.file.Path getRootDirectory() {
            return root;
        }

        @Override
        public java.nio.file.Path createOutputDirectory(org.junit.platform.engine.TestDescriptor descriptor)
                throws java.io.IOException {
            String name = descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return java.nio.file.Files.createDirectories(root.resolve(name + "-" + System.nanoTime()));
        }
    }
}
