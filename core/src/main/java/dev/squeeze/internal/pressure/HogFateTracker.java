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
 * Watches the hog pod on every tick and keeps the first fate it shows (evicted, OOM-killed, rejected, failed):
 * later states cannot overwrite it, and {@link #freeze()} stops observing before Squeeze deletes the hog itself, so
 * its own SIGTERM never reads as a fate.
 *
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
    private volatile HogFates.Verdict verdict;
    private volatile Instant verdictAt;
    private volatile Pod last;
    private volatile boolean started;

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
        if (frozen || verdict != null) {
            return;
        }
        Pod current;
        try {
            current = client.pods().inNamespace(namespace).withName(pod).get();
        } catch (KubernetesClientException e) {
            return; // the API is down: the pod's status will still say what happened once it answers
        }
        observe(current, Instant.now());
    }

    /** One observation of the pod ({@code null}: it does not exist). */
    synchronized void observe(Pod current, Instant at) {
        if (frozen || verdict != null) {
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

    /** Stops observing: from here on Squeeze removes the hog itself. */
    public synchronized void freeze() {
        frozen = true;
    }

    /** The final outcome: the fate met, else SURVIVED if it ran, else NEVER_STARTED with why it was still waiting. */
    public synchronized HogOutcome outcome(long targetBytes, long peakBytes, boolean reachedTarget) {
        int restarts = last == null ? 0 : PodStatuses.restarts(last);
        if (verdict == null && last != null) {
            HogFates.classifyFinal(last, observations.events()).ifPresent(v -> decide(v, Instant.now()));
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
