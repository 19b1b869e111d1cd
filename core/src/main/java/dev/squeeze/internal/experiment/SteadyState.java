package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.probe.PodStatuses;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether the system was healthy before chaos. Unhealthy, with evidence, when: the API server's latest
 * sample failed or more than a fifth of its steady-state samples failed (one early blip on a busy CI host is
 * tolerated, an unstable API is not); or a watched selector matches no pod; or a matching pod is not Ready.
 */
@API(status = INTERNAL, since = "0.1")
public final class SteadyState {

    /** Share of failed API samples that makes the steady state unsteady. */
    static final double MAX_API_FAILURE_SHARE = 0.2;

    private SteadyState() {
    }

    /** Evidence against steadiness from the API samples; empty when the API was steady. */
    public static List<String> apiEvidence(List<ApiSample> samples) {
        List<ApiSample> steady = samples.stream().filter(s -> s.phase() == Phase.STEADY_STATE).toList();
        if (steady.isEmpty()) {
            return List.of("the API server probe recorded no sample during steady state");
        }
        List<String> evidence = new ArrayList<>();
        long failed = steady.stream().filter(s -> !s.fresh().ok() || !s.pooled().ok()).count();
        ApiSample last = steady.get(steady.size() - 1);
        boolean lastFailed = !last.fresh().ok() || !last.pooled().ok();
        if (lastFailed || failed > steady.size() * MAX_API_FAILURE_SHARE) {
            ApiSample firstFailure = steady.stream().filter(s -> !s.fresh().ok() || !s.pooled().ok()).findFirst()
                    .orElse(last);
            evidence.add("the API server failed " + failed + " of " + steady.size() + " probes"
                    + (lastFailed ? ", including the latest" : "") + "; first error: " + error(firstFailure));
        }
        return evidence;
    }

    /** Evidence against steadiness from the watched pods as they are now. */
    static List<String> podEvidence(KubernetesClient client, String namespace, List<String> selectors) {
        List<String> evidence = new ArrayList<>();
        for (String selector : selectors) {
            List<Pod> pods = client.pods().inNamespace(namespace)
                    .list(new ListOptionsBuilder().withLabelSelector(selector).build()).getItems();
            evidence.addAll(podEvidence(selector, namespace, pods));
        }
        return evidence;
    }

    static List<String> podEvidence(String selector, String namespace, List<Pod> pods) {
        if (pods.isEmpty()) {
            return List.of("no pod matches the watched selector `" + selector + "` in namespace " + namespace
                    + "; deploy the workload first, or fix the selector");
        }
        List<String> evidence = new ArrayList<>();
        for (Pod p : pods) {
            if (!PodStatuses.ready(p)) {
                String last = PodStatuses.lastTermination(p);
                evidence.add("pod " + p.getMetadata().getName() + " (`" + selector + "`) is not Ready: "
                        + PodStatuses.phase(p) + ", " + PodStatuses.restarts(p) + " restarts"
                        + (last == null ? "" : ", last termination " + last));
            }
        }
        return evidence;
    }

    private static String error(ApiSample s) {
        ProbeOutcome o = !s.fresh().ok() ? s.fresh() : s.pooled();
        String which = !s.fresh().ok() ? "fresh /readyz" : "pooled GET";
        return o instanceof ProbeOutcome.Failure f ? which + ": " + f.error() : which + " ok";
    }
}
