package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.kube.KubeRequest;
import dev.squeeze.internal.pressure.AdmissionCheckPod;
import dev.squeeze.internal.pressure.HogFateTracker;
import dev.squeeze.internal.pressure.HogFollower;
import dev.squeeze.internal.pressure.HogPod;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.internal.pressure.HogTarget;
import dev.squeeze.internal.probe.Observations;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One hog's life in one experiment: the names of what Squeeze creates, creating and deleting them, following the
 * hog's progress and fate, and the notes the report gets about it.
 */
@API(status = INTERNAL, since = "0.1")
public final class HogRun {

    private static final Logger LOG = LoggerFactory.getLogger(HogRun.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Slack on top of the phases' limits: scheduling, image and jar loading, slow API calls between phases. */
    static final Duration LIFETIME_MARGIN = Duration.ofMinutes(5);

    final String label;
    final String podName;
    final String configMapName;
    final HogTarget target;
    final HogFollower follower;
    final HogFateTracker fate;
    /**
     * Creates and deletes go through a retry-free client: on a wedged API server they fail in one request timeout,
     * not minutes, and a create is never re-sent behind our back (a re-sent POST answers 409 for a hog that runs).
     */
    private final KubernetesClient client;
    /** Per-tick reads: the retry-free client bounded by the tick. */
    private final KubernetesClient probing;
    private final String namespace;
    private final String node;
    private final HogSpec spec;
    /** The hog pod's {@code activeDeadlineSeconds}: see {@link #lifetime(ExperimentSpec)}. */
    private final Duration lifetime;
    private int admissionChecks;
    private String pauseImage;
    private boolean deleteAnswered;
    private int unansweredDeletes;
    private String lastUnanswered = "";

    /**
     * @param client  a retry-free client for Squeeze's own creates and deletes
     * @param probing the retry-free, tick-bounded client the follower and fate tracker observe with
     */
    HogRun(KubernetesClient client, KubernetesClient probing, String namespace, String node, String experiment,
           HogSpec spec, HogTarget target, Duration lifetime, Observations observations) {
        this.client = client;
        this.probing = probing;
        this.namespace = namespace;
        this.node = node;
        this.spec = spec;
        this.lifetime = lifetime;
        this.target = target;
        this.label = HogPod.labelValue(experiment);
        String stem = label.length() > 30 ? label.substring(0, 30).replaceAll("-+$", "") : label;
        String suffix = suffix();
        this.podName = "squeeze-hog-" + stem + "-" + suffix;
        this.configMapName = "squeeze-eater-" + stem + "-" + suffix;
        this.follower = new HogFollower(probing, namespace, podName, observations);
        this.fate = new HogFateTracker(probing, namespace, podName, observations);
    }

    /**
     * The longest the experiment can need its hog: the ramp, the hold and the recovery at their limits, plus
     * {@link #LIFETIME_MARGIN}. The kubelet stops a hog that outlives it, so a killed test JVM on an existing cluster
     * (no watchdog there) does not leave an eater holding a real node's memory for good.
     */
    static Duration lifetime(ExperimentSpec spec) {
        return spec.rampTimeout().plus(spec.hog().hold()).plus(spec.recoveryTimeout()).plus(LIFETIME_MARGIN);
    }

    /** The label selector of everything this experiment creates. */
    String selector() {
        return HogPod.EXPERIMENT_LABEL + "=" + label;
    }

    /**
     * Creates the ConfigMap and the hog pod, each idempotently (see {@link #createOnce}).
     *
     * @throws KubeRequest.Refused when the API server refuses either (the hog's fate is then REJECTED)
     */
    void create() {
        createOnce("configmaps", configMapName, () -> client.configMaps().inNamespace(namespace)
                .resource(HogPod.configMap(configMapName, label, HogPod.eaterJar())).create());
        try {
            createOnce("pods", podName, () -> client.pods().inNamespace(namespace)
                    .resource(HogPod.pod(podName, configMapName, label, spec, target, node, lifetime)).create());
        } catch (KubeRequest.Refused e) {
            fate.rejectedByApi(e.status() + " (HTTP " + e.code() + ")");
            throw e;
        }
    }

    /**
     * Creates {@code name} once; when the API server did not answer (timeout, connection failure, 5xx) the request
     * may still have gone through, so it is sent once more, and a 409 Conflict on that second attempt means the first
     * one created it: it exists, and it is ours (the name has a random suffix). Any other 4xx is a {@link KubeRequest.Refused}.
     */
    private void createOnce(String resource, String name, Runnable create) {
        KubeRequest request = KubeRequest.of("create", resource, namespace, name);
        try {
            request.run(() -> {
                create.run();
                return null;
            });
        } catch (KubeRequest.Refused refused) {
            throw refused;
        } catch (KubernetesClientException unanswered) {
            LOG.info("{} got no answer ({}); sending it once more", request.describe(), unanswered.getMessage());
            try {
                request.run(() -> {
                    create.run();
                    return null;
                });
            } catch (KubeRequest.Refused again) {
                if (again.code() != 409) {
                    throw again;
                }
                LOG.info("{}: 409 on the second attempt, so the first one created it; following it",
                        request.describe());
            }
        }
    }

    /** Deletes the hog pod (a short grace period: the eater unmaps on SIGTERM at once). */
    void deleteHog() {
        KubeRequest.of("delete", "pods", namespace, podName)
                .run(() -> client.pods().inNamespace(namespace).withName(podName).delete());
    }

    /**
     * One look of recovery's wait for the hog to go: sends the hog's delete until the API server answers it, then asks
     * whether the pod is gone. An API server that does not answer (a node that thrashes) is asked again on the next
     * tick, until recoveryTimeout ends the wait; a refusal (4xx) is thrown.
     */
    Optional<String> deletedYet() {
        try {
            if (!deleteAnswered) {
                deleteHog();
                deleteAnswered = true;
            }
            return hogGone() ? Optional.of("hog deleted") : Optional.empty();
        } catch (KubeRequest.Refused refused) {
            throw refused;
        } catch (KubernetesClientException unanswered) {
            if (KubeRequest.refused(unanswered)) {
                throw unanswered;
            }
            unansweredDeletes++;
            lastUnanswered = unanswered.getMessage();
            return Optional.empty();
        }
    }

    /** Where {@link #deletedYet()} stands, for the recovery's log and outcome. */
    String deletionState() {
        if (!deleteAnswered) {
            return "the API server has not answered the hog's delete (" + unansweredDeletes + " attempts, last: "
                    + lastUnanswered + ")";
        }
        return unansweredDeletes == 0 ? "hog pod still present"
                : "hog pod still present (its delete went through after " + unansweredDeletes + " unanswered attempts)";
    }

    boolean hogGone() {
        return KubeRequest.of("get", "pods", namespace, podName)
                .run(() -> probing.pods().inNamespace(namespace).withName(podName).get()) == null;
    }

    /**
     * A new admission-check pod (a fresh name each time: a rejected pod stays Failed) on the node's own pause image.
     */
    String createAdmissionCheck() {
        String name = "squeeze-admission-" + podName.substring("squeeze-hog-".length()) + "-" + (++admissionChecks);
        if (pauseImage == null) {
            pauseImage = AdmissionCheckPod.pauseImage(KubeRequest.of("get", "nodes", null, node)
                    .run(() -> probing.nodes().withName(node).get()));
        }
        String image = pauseImage;
        createOnce("pods", name, () -> client.pods().inNamespace(namespace)
                .resource(AdmissionCheckPod.pod(name, label, image, node)).create());
        return name;
    }

    Pod pod(String name) {
        return KubeRequest.of("get", "pods", namespace, name)
                .run(() -> probing.pods().inNamespace(namespace).withName(name).get());
    }

    /** Removes every pod and ConfigMap this experiment created; logs what it cannot remove, never throws. */
    void cleanup() {
        quietly("pods " + selector(), () -> client.pods().inNamespace(namespace).withLabel(HogPod.EXPERIMENT_LABEL, label)
                .withGracePeriod(0).delete());
        quietly("ConfigMaps " + selector(), () -> client.configMaps().inNamespace(namespace)
                .withLabel(HogPod.EXPERIMENT_LABEL, label).delete());
    }

    HogOutcome outcome() {
        long peak = follower.peakTouchedBytes();
        return fate.outcome(target.bytes(), peak, follower.reachedHold());
    }

    /** Loud findings about the hog, for the report's notes. */
    List<String> notes(HogOutcome outcome) {
        List<String> notes = new ArrayList<>();
        String peak = human(outcome.peakBytes());
        if (!outcome.reachedTarget()) {
            notes.add("the hog never reached its target (peak " + peak + " of " + human(outcome.targetBytes()) + ")");
        }
        switch (outcome.fate()) {
            case EVICTED -> notes.add("the hog was evicted at " + peak + ": " + outcome.reason());
            case OOM_KILLED -> notes.add("the hog died: " + outcome.reason() + " at " + peak);
            case REJECTED -> notes.add("the hog was rejected at admission: " + outcome.reason());
            case FAILED -> notes.add("the hog failed: " + outcome.reason() + lastOutput());
            case NEVER_STARTED -> notes.add("the hog never started: " + outcome.reason());
            case SURVIVED -> {
                // the expected ending when the node copes; nothing loud to say
            }
        }
        return notes;
    }

    private String lastOutput() {
        List<String> other = follower.otherLines();
        return other.isEmpty() ? "" : " (its last output: " + String.join(" | ", other) + ")";
    }

    static String human(long bytes) {
        return MemorySize.ofBytes(bytes).toHuman();
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("could not delete {}: {}; delete it by hand if it is left over", what, e.getMessage());
        }
    }

    private static String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
