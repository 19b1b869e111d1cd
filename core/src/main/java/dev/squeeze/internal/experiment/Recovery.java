package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.probe.Observations;
import dev.squeeze.internal.probe.PodStatuses;
import dev.squeeze.internal.pressure.HogFates;
import dev.squeeze.report.NodeSample;
import dev.squeeze.internal.units.Durations;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The recovery phase's conditions, each evaluated once per tick: the hog is gone; MemoryPressure has been clear for
 * the whole window (on consecutive node samples); then an admission-check pod is admitted and runs.
 *
 * <p>The clear window is measured on the node samples themselves, never on the clock alone: it starts at the first
 * sample taken after recovery began that shows no MemoryPressure, and is met once a later sample, still clear, is a
 * whole window after it. A sample older than the recovery's start does not count, and an unobserved tick (nobody saw
 * the node) starts the window over: a node nobody looked at has not been shown clear.
 */
@API(status = INTERNAL, since = "0.1")
public final class Recovery {

    private final HogRun hog;
    private final Observations observations;
    private final Duration window;
    private final Instant since;
    private Instant clearSince;
    private Instant clearUntil;
    private Instant lastNodeSample;
    private String admissionPod;
    private String admissionState = "not created yet";

    /** @param since when recovery began (the hog's delete was sent): older node samples are stale */
    Recovery(HogRun hog, Observations observations, Duration window, Instant since) {
        this.hog = hog;
        this.observations = observations;
        this.window = window;
        this.since = since;
    }

    /** Met once MemoryPressure has been False on every node sample, with no unobserved tick, for {@code window}. */
    Optional<String> pressureClear() {
        for (NodeSample s : observations.node()) {
            if (s.at().isBefore(since) || (lastNodeSample != null && !s.at().isAfter(lastNodeSample))) {
                continue;
            }
            lastNodeSample = s.at();
            if (!s.observed() || s.memoryPressure()) {
                clearSince = null;
                clearUntil = null;
            } else {
                clearSince = clearSince == null ? s.at() : clearSince;
                clearUntil = s.at();
            }
        }
        if (clearSince == null || Duration.between(clearSince, clearUntil).compareTo(window) < 0) {
            return Optional.empty();
        }
        return Optional.of("MemoryPressure clear for " + Durations.format(window));
    }

    String pressureState() {
        return observations.latestNode()
                .map(s -> !s.observed() ? "node unobserved: " + s.unobserved() : s.at().isBefore(since)
                        ? "no node sample since recovery began (latest " + s.at() + ")"
                        : "MemoryPressure " + (s.memoryPressure() ? "True" : "False")
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
