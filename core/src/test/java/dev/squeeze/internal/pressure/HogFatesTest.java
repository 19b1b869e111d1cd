package dev.squeeze.internal.pressure;

import dev.squeeze.internal.probe.Observations;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HogFatesTest {

    private static PodBuilder pod(String phase) {
        return new PodBuilder().withNewMetadata().withName("squeeze-hog-x").endMetadata()
                .withNewStatus().withPhase(phase).endStatus();
    }

    private static Pod terminated(String reason, int exit) {
        return pod("Failed").editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("eater")
                .withNewState().withNewTerminated().withReason(reason).withExitCode(exit)
                .withStartedAt("2026-11-27T21:00:00Z").withFinishedAt("2026-11-27T21:00:20Z")
                .endTerminated().endState().build()).endStatus().build();
    }

    private static Pod running() {
        return pod("Running").editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("eater")
                .withNewState().withNewRunning().withStartedAt("2026-11-27T21:00:00Z").endRunning().endState()
                .build()).endStatus().build();
    }

    @Test
    void evicted_pod_is_evicted_with_the_kubelets_words() {
        Pod evicted = pod("Failed").editStatus().withReason("Evicted")
                .withMessage("The node was low on resource: memory. Threshold quantity: 200Mi, available: 150Mi.")
                .withContainerStatuses(terminated("Error", 137).getStatus().getContainerStatuses()).endStatus().build();

        assertThat(HogFates.classify(evicted, List.of())).hasValue(new HogFates.Verdict(HogFate.EVICTED,
                "The node was low on resource: memory. Threshold quantity: 200Mi, available: 150Mi."));
    }

    @Test
    void a_container_that_ended_while_its_pod_is_still_running_has_no_fate_until_the_pod_says_why() {
        // seen on k3s: the kubelet's SIGTERM makes the eater release and exit 0 before the pod is marked Evicted
        Pod releasing = new PodBuilder(terminated("Completed", 0)).editStatus().withPhase("Running").endStatus().build();
        Pod oomWhileRunning = new PodBuilder(terminated("OOMKilled", 137)).editStatus().withPhase("Running").endStatus()
                .build();

        Pod releasedAndFinal = new PodBuilder(terminated("Completed", 0)).editStatus().withPhase("Succeeded").endStatus()
                .build();
        EventRecord evictedEvent = new EventRecord(Instant.now(), "Warning", "Evicted", "Pod", "ns", "squeeze-hog-x",
                "The node was low on resource: memory. Threshold quantity: 500Mi, available: 498204Ki.",
                Map.of("starved_resource", "memory"));

        assertThat(HogFates.classify(releasing, List.of())).isEmpty();
        assertThat(HogFates.classify(releasedAndFinal, List.of())).as("the kubelet has not said why yet").isEmpty();
        assertThat(HogFates.classify(releasedAndFinal, List.of(evictedEvent))).hasValue(new HogFates.Verdict(
                HogFate.EVICTED, "The node was low on resource: memory. Threshold quantity: 500Mi, available: 498204Ki."));
        assertThat(HogFates.classifyFinal(releasedAndFinal, List.of()))
                .hasValueSatisfying(v -> assertThat(v.fate()).isEqualTo(HogFate.FAILED));
        assertThat(HogFates.classify(oomWhileRunning, List.of()))
                .hasValueSatisfying(v -> assertThat(v.fate()).isEqualTo(HogFate.OOM_KILLED));
    }

    @Test
    void oom_killed_container_is_oom_killed() {
        assertThat(HogFates.classify(terminated("OOMKilled", 137), List.of()))
                .hasValue(new HogFates.Verdict(HogFate.OOM_KILLED, "OOMKilled (exit 137)"));
    }

    @Test
    void sigkill_during_a_node_oom_counts_as_oom_killed_and_without_one_as_failed() {
        EventRecord systemOom = new EventRecord(Instant.now(), "Warning", "SystemOOM", "Node", "", "node-1",
                "System OOM encountered, victim process: java, pid: 4242", Map.of());

        assertThat(HogFates.classify(terminated("Error", 137), List.of(systemOom))).hasValueSatisfying(v -> {
            assertThat(v.fate()).isEqualTo(HogFate.OOM_KILLED);
            assertThat(v.reason()).contains("node OOM").contains("victim process: java");
        });
        assertThat(HogFates.classify(terminated("Error", 137), List.of())).hasValueSatisfying(v -> {
            assertThat(v.fate()).isEqualTo(HogFate.FAILED);
            assertThat(v.reason()).startsWith("killed by SIGKILL (exit 137)");
        });
    }

    @Test
    void pod_rejected_at_admission_is_rejected_even_though_the_kubelet_says_evicted() {
        Pod memoryPressure = pod("Failed").editStatus().withReason("Evicted")
                .withMessage("Pod was rejected: The node had condition: [MemoryPressure]. ").endStatus().build();
        Pod outOfMemory = pod("Failed").editStatus().withReason("OutOfmemory")
                .withMessage("Pod was rejected: Node didn't have enough resource: memory").endStatus().build();

        assertThat(HogFates.classify(memoryPressure, List.of())).hasValue(new HogFates.Verdict(HogFate.REJECTED,
                "Evicted: Pod was rejected: The node had condition: [MemoryPressure]."));
        assertThat(HogFates.classify(outOfMemory, List.of()))
                .hasValueSatisfying(v -> assertThat(v.fate()).isEqualTo(HogFate.REJECTED));
    }

    @Test
    void usage_error_exit_is_a_failure_that_says_so() {
        assertThat(HogFates.classify(terminated("Error", 64), List.of())).hasValue(new HogFates.Verdict(
                HogFate.FAILED, "exit 64 (Error) - the eater refused its command line"));
    }

    @Test
    void running_and_pending_pods_have_no_fate_yet_and_say_why_they_wait() {
        Pod unschedulable = pod("Pending").editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/1 nodes are available: 1 Insufficient memory.")
                .endCondition().endStatus().build();

        assertThat(HogFates.classify(running(), List.of())).isEmpty();
        assertThat(HogFates.classify(unschedulable, List.of())).isEmpty();
        assertThat(HogFates.pendingReason(unschedulable))
                .isEqualTo("not scheduled: Unschedulable 0/1 nodes are available: 1 Insufficient memory.");
    }

    @Test
    void tracker_keeps_the_first_fate_and_ignores_what_happens_after_freeze() {
        HogFateTracker tracker = new HogFateTracker(null, "ns", "squeeze-hog-x", new Observations());
        tracker.observe(running(), Instant.now());
        tracker.observe(terminated("OOMKilled", 137), Instant.now());
        tracker.observe(terminated("Error", 1), Instant.now());

        HogOutcome outcome = tracker.outcome(100, 80, false);

        assertThat(outcome.fate()).isEqualTo(HogFate.OOM_KILLED);
        assertThat(outcome.peakBytes()).isEqualTo(80);
        assertThat(outcome.at()).isNotNull();
    }

    @Test
    void tracker_says_survived_for_a_hog_still_running_when_frozen() {
        HogFateTracker tracker = new HogFateTracker(null, "ns", "squeeze-hog-x", new Observations());
        tracker.observe(running(), Instant.now());
        tracker.freeze();
        tracker.observe(terminated("Error", 143), Instant.now());

        assertThat(tracker.outcome(100, 100, true).fate()).isEqualTo(HogFate.SURVIVED);
    }

    @Test
    void tracker_says_never_started_with_the_pending_reason_and_notices_a_deleted_hog() {
        HogFateTracker pending = new HogFateTracker(null, "ns", "h", new Observations());
        pending.observe(pod("Pending").build(), Instant.now());
        HogFateTracker vanished = new HogFateTracker(null, "ns", "h", new Observations());
        vanished.observe(running(), Instant.now());
        vanished.observe(null, Instant.now());

        assertThat(pending.outcome(1, 0, false)).satisfies(o -> {
            assertThat(o.fate()).isEqualTo(HogFate.NEVER_STARTED);
            assertThat(o.reason()).isEqualTo("pod Pending");
        });
        assertThat(vanished.outcome(1, 0, false).reason()).startsWith("the hog pod disappeared");
    }

    @Test
    void a_hog_whose_image_cannot_be_pulled_never_starts_and_says_why_at_once() {
        // GIVEN hog pods the kubelet cannot start: a missing image, a bad image name, a missing ConfigMap key
        Pod pullFailed = waiting("ErrImagePull", "failed to pull and unpack image \"eclipse-temurin:99-jre\": not found");
        Pod backOff = waiting("ImagePullBackOff", "Back-off pulling image \"eclipse-temurin:99-jre\"");
        Pod invalid = waiting("InvalidImageName", "Failed to apply default image tag \"Eclipse:x\"");
        Pod config = waiting("CreateContainerConfigError", "configmap \"squeeze-eater-x\" not found");

        // WHEN/THEN each is NEVER_STARTED on the first look, with the kubelet's reason, not a pending pod to wait out
        assertThat(HogFates.classify(pullFailed, List.of())).hasValue(new HogFates.Verdict(HogFate.NEVER_STARTED,
                "container eater cannot start: ErrImagePull failed to pull and unpack image \"eclipse-temurin:99-jre\":"
                        + " not found (image eclipse-temurin:99-jre)"));
        for (Pod p : List.of(backOff, invalid, config)) {
            assertThat(HogFates.classify(p, List.of())).hasValueSatisfying(v -> assertThat(v.fate())
                    .isEqualTo(HogFate.NEVER_STARTED));
        }
        // a pod still creating its container waits on
        assertThat(HogFates.classify(waiting("ContainerCreating", null), List.of())).isEmpty();
    }

    private static Pod waiting(String reason, String message) {
        return pod("Pending").editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("eater")
                .withImage("eclipse-temurin:99-jre").withNewState().withNewWaiting().withReason(reason)
                .withMessage(message).endWaiting().endState().build()).endStatus().build();
    }
}
