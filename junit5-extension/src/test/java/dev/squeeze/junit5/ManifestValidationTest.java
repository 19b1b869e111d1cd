package dev.squeeze.junit5;

import dev.squeeze.junit5.testkit.Journal;
import dev.squeeze.junit5.testkit.SqueezeTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom resources pass validation where they can exist; the mistakes are in {@link SqueezeValidationTest}. */
class ManifestValidationTest {

    @BeforeEach
    void clearJournal() {
        Journal.reset();
    }

    @Test
    void aCustomResourceWhoseDefinitionIsAmongTheManifestsIsAccepted() {
        EngineExecutionResults results =
                SqueezeTestKit.execute(ManifestMistakes.CustomResourceWithDefinitionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Journal.entries()).contains("deploy classpath:squeeze-test/crd.yaml");
    }

    @Test
    void onAnExistingClusterACustomResourceMayUseAnInstalledDefinition(@TempDir Path dir) throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1");

        EngineExecutionResults results = SqueezeTestKit.execute(
                ManifestMistakes.CustomResourceWithoutDefinitionTestCase.class,
                Map.of(SqueezeProperties.KUBECONFIG, kubeconfig.toString()));

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }
}
