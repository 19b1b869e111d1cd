package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.probe.Observations;
import dev.squeeze.internal.probe.PodStatuses;
import dev.squeeze.internal.probe.Probe;
import dev.squeeze.internal.probe.Tick;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Instant;
import java.util.Optional;

/**
 * Watches the hog pod on every tick and keeps the first fate it shows (evicted, OOM-killed, rejected, failed), with
 * the time of the observation that showed it: later states cannot overwrite it. {@link #freeze()} marks the end of
 * HOLD, before Squeeze deletes the hog itself: from then on its own SIGTERM never reads as a fate, and only a kill
 * Squeeze cannot have caused (OOMKilled, evicted) is still recorded, as a kill after HOLD ({@link #outcome}).
 * {@link #stop()} ends all observing before the final cleanup.
 *
 * <!-- sample(KubernetesClient client, String namespace, String hogName, Observations observations, Sampler sampler, HogTarget target, HogFollower follower) -->
 * <pre>{@code
 * HogFateTracker fate = new HogFateTracker(client, namespace, hogName, observations);
 * sampler.add(fate);
 * ...
 * fate.freeze();
 * HogOutcome outcome = fate.outcome(target.bytes(), follower.peakTouchedBytes(), follower.reachedHold());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class HogFateTracker implements Probe {

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final Observations observations;
    private volatile boolean frozen;
    private volatile Instant frozenAt;
    private volatile boolean stopped;
    private volatile HogFates.Verdict verdict;
    private volatile Instant verdictAt;
    private volatile Pod last;
    private volatile Instant lastAt;
    private volatile boolean started;
    private volatile Pod killedAfterHold;
    private volatile Instant killedAfterHoldAt;

    public HogFateTracker(KubernetesClient client, String namespace, String pod, Observations observations) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.observations = observations;
    }

    @Override
    public String name() {
        return "hog-fate";
    }

    @Override
    public void sample(Tick tick) {
        if (stopped || verdict != null || killedAfterHold != null) {
            return;
        }
        // stamped when the request went out, as the pods probe stamps its samples: both then show the same moment
        Instant at = Instant.now();
        Pod current;
        try {
            current = client.pods().inNamespace(namespace).withName(pod).get();
        } catch (KubernetesClientException e) {
            return; // the API is down: the pod's status will still say what happened once it answers
        }
        observe(current, at);
    }

    /** One observation of the pod ({@code null}: it does not exist), made at {@code at}. */
    synchronized void observe(Pod current, Instant at) {
        if (stopped || verdict != null) {
            return;
        }
        if (frozen) {
            if (current != null && killedAfterHold == null && HogFates.killedByNodeOrKernel(current, observations.events())) {
                killedAfterHold = current;
                killedAfterHoldAt = at;
            }
            return;
        }
        if (current == null) {
            if (last != null) {
                decide(new HogFates.Verdict(HogFate.FAILED, "the hog pod disappeared: deleted by someone else, or its"
                        + " node went away (last seen " + PodStatuses.phase(last) + ")"), at);
            }
            return;
        }
        last = current;
        lastAt = at;
        started |= HogFates.everStarted(current);
        HogFates.classify(current, observations.events()).ifPresent(v -> decide(v, at));
    }

    /** The API server refused to create the hog (admission webhook, quota, unknown priority class). */
    public synchronized void rejectedByApi(String message) {
        decide(new HogFates.Verdict(HogFate.REJECTED, "the API server refused the hog pod: " + message), Instant.now());
    }

    private void decide(HogFates.Verdict v, Instant at) {
        if (verdict == null) {
            verdict = v;
            verdictAt = at;
        }
    }

    /** The fate so far, if the hog has met one. */
    public Optional<HogFates.Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** The end of HOLD: from here on Squeeze removes the hog itself, so only a kill it cannot cause is recorded. */
    public void freeze() {
        freeze(Instant.now());
    }

    synchronized void freeze(Instant at) {
        if (!frozen) {
            frozen = true;
            frozenAt = at;
        }
    }

    /** Stops observing altogether, before Squeeze's final cleanup kills whatever is left. */
    public synchronized void stop() {
        freeze();
        stopped = true;
    }

    /**
     * The final outcome: the fate met, else SURVIVED if it ran, else NEVER_STARTED with why it was still waiting. A fate
     * carries the time of the observation that showed it; one first classified here, at the last look, carries the
     * time that last look was taken, never the time of this call. A kill seen only after HOLD counts as the fate when
     * the kubelet's own {@code finishedAt} puts it before HOLD ended (the API server reported it late); otherwise the
     * hog SURVIVED the hold and the reason names the kill after HOLD, with the time it was seen.
     */
    public synchronized HogOutcome outcome(long targetBytes, long peakBytes, boolean reachedTarget) {
        Pod latest = killedAfterHold != null ? killedAfterHold : last;
        int restarts = latest == null ? 0 : PodStatuses.restarts(latest);
        if (verdict == null && last != null) {
            HogFates.classifyFinal(last, observations.events()).ifPresent(v -> decide(v, lastAt));
        }
        if (verdict == null && killedAfterHold != null) {
            Optional<HogFates.Verdict> kill = HogFates.classify(killedAfterHold, observations.events());
            Optional<Instant> finished = HogFates.finishedAt(killedAfterHold);
            if (kill.isPresent() && finished.isPresent() && finished.get().isBefore(frozenAt.minusSeconds(1))) {
                decide(new HogFates.Verdict(kill.get().fate(), kill.get().reason() + " (seen only after HOLD; the"
                        + " kubelet's finishedAt " + finished.get() + " is before HOLD ended)"), finished.get());
            } else if (kill.isPresent()) {
                return new HogOutcome(HogFate.SURVIVED, "killed after HOLD, while Squeeze was deleting it: "
                        + kill.get().fate() + " " + kill.get().reason(), killedAfterHoldAt, targetBytes, peakBytes,
                        reachedTarget, restarts);
            }
        }
        if (verdict != null) {
            return new HogOutcome(verdict.fate(), verdict.reason(), verdictAt, targetBytes, peakBytes, reachedTarget,
                    restarts);
        }
        if (started) {
            return new HogOutcome(HogFate.SURVIVED, "", null, targetBytes, peakBytes, reachedTarget, restarts);
        }
        String why = last == null ? "the hog pod was never seen" : HogFates.pendingReason(last);
        return new HogOutcome(HogFate.NEVER_STARTED, why, null, targetBytes, peakBytes, reachedTarget, restarts);
    }
}
