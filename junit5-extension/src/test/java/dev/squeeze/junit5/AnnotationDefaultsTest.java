package dev.squeeze.junit5;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.internal.units.Durations;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;
import dev.squeeze.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotation defaults are strings; core's defaults are typed constants. A default that drifted would make "unset"
 * mean two things, and an existing cluster would refuse an attribute the user never wrote.
 */
class AnnotationDefaultsTest {

    @ChaosNode
    @Workload(manifests = "x")
    static class Defaults {
        @MemoryHog(size = "1Gi")
        void hog() {
        }
    }

    @Test
    void chaosNodeDefaultsAreNodeSpecDefaults() {
        ChaosNode node = Defaults.class.getAnnotation(ChaosNode.class);
        NodeSpec defaults = NodeSpec.defaults();

        assertThat(MemorySize.parse(node.memory())).isEqualTo(defaults.memory());
        assertThat(MemorySize.parse(node.evictionHard())).isEqualTo(defaults.evictionHard());
        assertThat(MemorySize.parse(node.kubeReserved())).isEqualTo(defaults.kubeReserved());
        assertThat(MemorySize.parse(node.systemReserved())).isEqualTo(defaults.systemReserved());
        assertThat(Durations.parse(node.pressureTransitionPeriod())).isEqualTo(defaults.pressureTransitionPeriod());
        assertThat(Durations.parse(node.startupTimeout())).isEqualTo(defaults.startupTimeout());
        assertThat(node.wall()).isEqualTo(defaults.wall());
        assertThat(node.lifecycle()).isEqualTo(Lifecycle.PER_CLASS);
    }

    @Test
    void memoryHogAndWorkloadDefaultsAreCoreDefaults() throws NoSuchMethodException {
        MemoryHog hog = Defaults.class.getDeclaredMethod("hog").getAnnotation(MemoryHog.class);
        Workload workload = Defaults.class.getAnnotation(Workload.class);

        assertThat(MemoryRate.parse(hog.rate())).isEqualTo(HogSpec.DEFAULT_RATE);
        assertThat(Durations.parse(hog.hold())).isEqualTo(HogSpec.DEFAULT_HOLD);
        assertThat(Durations.parse(hog.steadyState())).isEqualTo(ExperimentSpec.DEFAULT_STEADY_STATE);
        assertThat(Durations.parse(hog.rampTimeout())).isEqualTo(ExperimentSpec.DEFAULT_RAMP_TIMEOUT);
        assertThat(Durations.parse(hog.recoveryTimeout())).isEqualTo(ExperimentSpec.DEFAULT_RECOVERY_TIMEOUT);
        assertThat(Durations.parse(hog.recoveryWindow())).isEqualTo(ExperimentSpec.DEFAULT_RECOVERY_WINDOW);
        assertThat(Durations.parse(workload.readyTimeout())).isEqualTo(WorkloadSpec.DEFAULT_READY_TIMEOUT);
    }
}
