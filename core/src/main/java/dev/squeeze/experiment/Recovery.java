package dev.squeeze.experiment;

import dev.squeeze.probe.Observations;
import dev.squeeze.probe.PodStatuses;
import dev.squeeze.pressure.HogFates;
import dev.squeeze.report.NodeSample;
import dev.squeeze.units.Durations;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The recovery phase's conditions, each evaluated once per tick: the hog is gone; MemoryPressure has been clear for
 * the whole window (on consecutive node samples); then an admission-check pod is admitted and runs.
 */
final class Recovery {

    private final HogRun hog;
    private final Observations observations;
    private final Duration window;
    private final Clock clock;
    private Instant clearSince;
    private Instant lastNodeSample;
    private String admissionPod;
    private String admissionState = "not created yet";

    Recovery(HogRun hog, Observations observations, Duration window, Clock clock) {
        this.hog = hog;
        this.observations = observations;
        this.window = window;
        this.clock = clock;
    }

    /** Met once MemoryPressure has been False on every node sample for {@code window}. */
    Optional<String> pressureClear() {
        Optional<NodeSample> latest = observations.latestNode();
        if (latest.isEmpty() || latest.get().at().equals(lastNodeSample)) {
            return clearFor();
        }
        NodeSample s = latest.get();
        lastNodeSample = s.at();
        if (s.memoryPressure()) {
            clearSince = null;
        } else if (clearSince == null) {
            clearSince = s.at();
        }
        return clearFor();
    }

    private Optional<String> clearFor() {
        if (clearSince == null || Duration.between(clearSince, clock.instant()).compareTo(window) < 0) {
            return Optional.empty();
        }
        return Optional.of("MemoryPressure clear for " + Durations.format(window));
    }

    String pressureState() {
        return observations.latestNode()
                .map(s -> "MemoryPressure " + (s.memoryPressure() ? "True" : "False")
                        + (clearSince == null ? "" : " since " + clearSince)
                        + ", available " + (s.availableBytes() == null ? "unknown" : HogRun.human(s.availableBytes())))
                .orElse("no node sample yet");
    }

    /** Creates the admission-check pod if needed (again after a rejection) and says when it ran. */
    Optional<String> admitted() {
        try {
            if (admissionPod == null) {
                admissionPod = hog.createAdmissionCheck();
                admissionState = "created " + admissionPod;
                return Optional.empty();
            }
            Pod pod = hog.pod(admissionPod);
            if (pod == null) {
                admissionState = admissionPod + " disappeared";
                admissionPod = null;
                return Optional.empty();
            }
            String phase = PodStatuses.phase(pod);
            if ("Succeeded".equals(phase) || "Running".equals(phase)) {
                return Optional.of("admission-check pod " + admissionPod + " admitted and " + phase);
            }
            Optional<HogFates.Verdict> failed = HogFates.classify(pod, observations.events());
            if (failed.isPresent()) {
                // rejected (pressure came back) or failed: try a fresh pod on the next tick
                admissionState = admissionPod + " " + failed.get().fate() + ": " + failed.get().reason();
                admissionPod = null;
                return Optional.empty();
            }
            admissionState = admissionPod + " " + HogFates.pendingReason(pod);
            return Optional.empty();
        } catch (KubernetesClientException e) {
            admissionState = "API error: " + e.getMessage();
            return Optional.empty();
        }
    }

    String admissionState() {
        return admissionState;
    }
}
