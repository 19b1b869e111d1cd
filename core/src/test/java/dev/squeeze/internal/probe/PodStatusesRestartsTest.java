package dev.squeeze.internal.probe;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a container restart, with the kubelet's own bookkeeping for a container it can no longer find. */
class PodStatusesRestartsTest {

    /**
     * An evicted pod as the kubelet writes it: the container it killed and can no longer locate is "terminated,
     * ContainerStatusUnknown" and its restartCount is raised by one (kubelet_pods.go), though nothing restarted.
     */
    private static Pod evicted(String restartPolicy) {
        return new PodBuilder().withNewMetadata().withName("squeeze-hog-x").endMetadata()
                .withNewSpec().withRestartPolicy(restartPolicy).endSpec()
                .withNewStatus().withPhase("Failed").withReason("Evicted")
                .withContainerStatuses(new ContainerStatusBuilder().withName("eater").withRestartCount(1)
                        .withNewState().withNewTerminated().withReason("ContainerStatusUnknown").withExitCode(137)
                        .withMessage("The container could not be located when the pod was terminated")
                        .endTerminated().endState().build())
                .endStatus().build();
    }

    @Test
    void an_evicted_pod_with_restart_policy_never_has_no_restarts() {
        // GIVEN the kubelet's status of an evicted restartPolicy: Never pod
        Pod pod = evicted("Never");

        // WHEN its restarts are counted
        int restarts = PodStatuses.restarts(pod);

        // THEN a container that can never restart did not
        assertThat(restarts).isZero();
    }

    @Test
    void a_container_that_may_restart_keeps_its_count() {
        // GIVEN the same status under restartPolicy: Always, where the kubelet does restart containers
        Pod pod = evicted("Always");

        // WHEN/THEN the kubelet's count stands
        assertThat(PodStatuses.restarts(pod)).isEqualTo(1);
    }

    @Test
    void a_native_sidecar_restarts_under_a_never_pod() {
        // GIVEN an init container with restartPolicy: Always (a native sidecar) in a Never pod, restarted twice
        Pod pod = new PodBuilder().withNewMetadata().withName("job-x").endMetadata()
                .withNewSpec().withRestartPolicy("Never").addNewInitContainer().withName("proxy")
                .withRestartPolicy("Always").endInitContainer().endSpec()
                .withNewStatus().withInitContainerStatuses(new ContainerStatusBuilder().withName("proxy")
                        .withRestartCount(2).build()).endStatus().build();

        // WHEN/THEN its restarts count
        assertThat(PodStatuses.restarts(pod)).isEqualTo(2);
    }
}
