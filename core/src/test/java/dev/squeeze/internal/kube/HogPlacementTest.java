package dev.squeeze.internal.kube;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kubernetes' toleration matching, as used to tell whether the hog can be scheduled on a tainted node. */
class HogPlacementTest {

    private static final Taint GPU = new Taint("NoSchedule", "dedicated", null, "gpu");

    @Test
    void equalNeedsKeyValueAndEffect() {
        assertThat(HogPlacement.tolerates(new Toleration("NoSchedule", "dedicated", "Equal", null, "gpu"), GPU))
                .isTrue();
        assertThat(HogPlacement.tolerates(new Toleration("NoSchedule", "dedicated", "Equal", null, "db"), GPU))
                .isFalse();
        assertThat(HogPlacement.tolerates(new Toleration("NoExecute", "dedicated", "Equal", null, "gpu"), GPU))
                .isFalse();
    }

    @Test
    void existsIgnoresTheValueAndAnEmptyKeyOrEffectMatchesAny() {
        assertThat(HogPlacement.tolerates(new Toleration(null, "dedicated", "Exists", null, null), GPU)).isTrue();
        assertThat(HogPlacement.tolerates(new Toleration(null, null, "Exists", null, null), GPU)).isTrue();
        assertThat(HogPlacement.tolerates(new Toleration(null, "other", "Exists", null, null), GPU)).isFalse();
    }
}
