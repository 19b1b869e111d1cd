package dev.squeeze.examples.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The seed's web pods pinned to one worker: a nodeSelector in every pod template, nothing else changed. */
class ManifestGeneratorTest {

    private static final String DEPLOYMENT = "kind: Deployment\nspec:\n  template:\n    spec:\n      securityContext:\n"
            + "        runAsNonRoot: true\n";

    @Test
    void pinnedAddsTheNodeSelectorToThePodTemplate() {
        assertThat(ManifestGenerator.pinned(DEPLOYMENT, "squeeze.dev/profile", "overcommitted"))
                .isEqualTo("kind: Deployment\nspec:\n  template:\n    spec:\n      nodeSelector:\n"
                        + "        squeeze.dev/profile: overcommitted\n      securityContext:\n"
                        + "        runAsNonRoot: true\n");
    }

    @Test
    void aTemplateWithoutAPodSpecIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> ManifestGenerator.pinned("kind: Service\n", "k", "v"))
                .withMessageContaining("no pod template spec");
    }
}
