package dev.squeeze.internal.pressure;

import dev.squeeze.internal.probe.Observations;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The hog's fate carries the time it was observed, and a kill after HOLD is named as such. */
class HogFateTrackerTimeTest {

    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00Z");

    private static Pod running() {
        return new PodBuilder().withNewMetadata().withName("squeeze-hog-x").endMetadata().withNewStatus()
                .withPhase("Running").withContainerStatuses(new ContainerStatusBuilder().withName("eater")
                        .withNewState().withNewRunning().withStartedAt("2026-12-07T05:00:00Z").endRunning().endState()
                        .build()).endStatus().build();
    }

    /** The hog's container ended; the pod is final ({@code Failed}), as the kubelet reports it afterwards. */
    private static Pod ended(String reason, int exit, String finishedAt) {
        return new PodBuilder().withNewMetadata().withName("squeeze-hog-x").endMetadata().withNewStatus()
                .withPhase("Failed").withContainerStatuses(new ContainerStatusBuilder().withName("eater")
                        .withNewState().withNewTerminated().withReason(reason).withExitCode(exit)
                        .withStartedAt("2026-12-07T05:00:00Z").withFinishedAt(finishedAt).endTerminated().endState()
                        .build()).endStatus().build();
    }

    private static Pod exitedZero() {
        return new PodBuilder(ended("Completed", 0, "2026-12-07T05:00:40Z")).editStatus().withPhase("Succeeded")
                .endStatus().build();
    }

    @Test
    void a_fate_first_classified_at_the_final_look_carries_the_time_of_that_look() {
        // GIVEN a hog whose eater exited 0 at +40 s (no fate yet: the kubelet may still say why, an eviction)
        HogFateTracker tracker = new HogFateTracker(null, "ns", "squeeze-hog-x", new Observations());
        tracker.observe(running(), T0.plusSeconds(10));
        tracker.observe(exitedZero(), T0.plusSeconds(41));
        tracker.freeze(T0.plusSeconds(50));

        // WHEN the outcome is read long after, at report time
        HogOutcome outcome = tracker.outcome(100, 100, true);

        // THEN its time is the observation that showed it, not the end of the run
        assertThat(outcome.fate()).isEqualTo(HogFate.FAILED);
        assertThat(outcome.at()).isEqualTo(T0.plusSeconds(41));
    }

    @Test
    void an_oom_kill_seen_after_hold_that_happened_after_hold_is_a_kill_after_hold() {
        // GIVEN a hog that held its target through HOLD (ended at +50 s), then was OOM-killed at +61 s in RECOVERY
        HogFateTracker tracker = new HogFateTracker(null, "ns", "squeeze-hog-x", new Observations());
        tracker.observe(running(), T0.plusSeconds(10));
        tracker.freeze(T0.plusSeconds(50));
        tracker.observe(ended("OOMKilled", 137, "2026-12-07T05:01:01Z"), T0.plusSeconds(61));

        // WHEN the outcome is read
        HogOutcome outcome = tracker.outcome(100, 100, true);

        // THEN it survived the hold, and the kill after HOLD is named, with the time it was seen
        assertThat(outcome.fate()).isEqualTo(HogFate.SURVIVED);
        assertThat(outcome.reason()).isEqualTo("killed after HOLD, while Squeeze was deleting it: OOM_KILLED"
                + " OOMKilled (exit 137)");
        assertThat(outcome.at()).isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void an_oom_kill_reported_late_whose_kubelet_time_is_in_hold_is_the_fate_at_that_time() {
        // GIVEN a hog OOM-killed at +45 s during HOLD, which the starving API server reported only at +70 s
        HogFateTracker tracker = new HogFateTracker(null, "ns", "squeeze-hog-x", new Observations());
        tracker.observe(running(), T0.plusSeconds(10));
        tracker.freeze(T0.plusSeconds(50));
        tracker.observe(ended("OOMKilled", 137, "2026-12-07T05:00:45Z"), T0.plusSeconds(70));

        // WHEN the outcome is read
        HogOutcome outcome = tracker.outcome(100, 100, true);

        // THEN it is the fate, at the kubelet's time of the kill
        assertThat(outcome.fate()).isEqualTo(HogFate.OOM_KILLED);
        assertThat(outcome.at()).isEqualTo(T0.plusSeconds(45));
        assertThat(outcome.reason()).startsWith("OOMKilled (exit 137) (seen only after HOLD");
    }

    @Test
    void squeezes_own_delete_after_hold_is_no_fate_and_nothing_is_seen_after_stop() {
        // GIVEN a hog that survived, then ended by Squeeze's SIGTERM (exit 0), then SIGKILLed in the final cleanup
        HogFateTracker deleted = new HogFateTracker(null, "ns", "squeeze-hog-x", new Observations());
        deleted.observe(running(), T0.plusSeconds(10));
        deleted.freeze(T0.plusSeconds(50));
        deleted.observe(ended("Completed", 0, "2026-12-07T05:00:52Z"), T0.plusSeconds(52));
        HogFateTracker stopped = new HogFateTracker(null, "ns", "squeeze-hog-x", new Observations());
        stopped.observe(running(), T0.plusSeconds(10));
        stopped.stop();
        stopped.observe(ended("OOMKilled", 137, "2026-12-07T05:01:30Z"), T0.plusSeconds(90));

        // WHEN/THEN both SURVIVED, with no reason and no time
        assertThat(deleted.outcome(100, 100, true)).extracting(HogOutcome::fate, HogOutcome::reason, HogOutcome::at)
                .containsExactly(HogFate.SURVIVED, "", null);
        assertThat(stopped.outcome(100, 100, true)).extracting(HogOutcome::fate, HogOutcome::reason, HogOutcome::at)
                .containsExactly(HogFate.SURVIVED, "", null);
    }
}
