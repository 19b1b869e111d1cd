package dev.squeeze.internal.workload;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.kube.KubeWait;
import dev.squeeze.internal.kube.PodDiagnostics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Waits as {@code kubectl rollout status} and {@code helm --wait} do: every Deployment, StatefulSet, DaemonSet and
 * ReplicaSet among the manifests has its desired replicas (raised to an HPA's {@code minReplicas}) updated, ready and
 * available ({@link Rollouts}), every selector matches at least one pod, and every matching (not terminating) pod is
 * Ready. On timeout the message lists each controller's and pod's last observed state, then the namespace's latest
 * events.
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkloadReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadReadiness.class);
    static final int EVENTS_SHOWN = 10;
    static final int LOG_LINES = 5;
    static final Duration STABLE = Duration.ofSeconds(2);
    /** Pods take 3 to 10 s to start and Ready must then hold for {@link #STABLE}: see both ends within 0.1 s. */
    static final Duration FAST_FOR = Duration.ofSeconds(30);

    private WorkloadReadiness() {
    }

    public static void await(KubernetesClient client, String namespace, List<String> selectors, List<String> podNames,
                      Duration timeout) {
        await(client, namespace, selectors, podNames, List.of(), timeout);
    }

    /**
     * @param applied what was applied: its controllers must roll out, its HPAs' {@code minReplicas} raise their
     *                targets' desired replicas
     */
    public static void await(KubernetesClient client, String namespace, List<String> selectors, List<String> podNames,
                      List<HasMetadata> applied, Duration timeout) {
        List<HasMetadata> controllers = applied.stream().filter(Rollouts::isController).toList();
        if (selectors.isEmpty() && podNames.isEmpty() && controllers.isEmpty()) {
            LOG.info("workload has no pods to await (no readySelectors, Deployments, StatefulSets, DaemonSets or Pods)");
            return;
        }
        Map<String, Integer> minimums = Rollouts.hpaMinimums(applied);
        String awaited = "workload pods " + describe(selectors, podNames) + " in namespace " + namespace
                + " to be Ready" + (controllers.isEmpty() ? "" : " and " + controllers.stream().map(Rollouts::key)
                .toList() + " to roll out");
        try {
            long[] readySince = {0};
            Duration took = KubeWait.untilOrTimeout(awaited, timeout, FAST_FOR, LOG,
                    () -> stable(rollouts(client, controllers, minimums)
                            .and(poll(client, namespace, selectors, podNames)), readySince));
            LOG.info("workload Ready after {} ms", took.toMillis());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage() + "\n"
                    + PodDiagnostics.crashedContainerLogs(client, pods(client, namespace, selectors), LOG_LINES)
                    + PodDiagnostics.recentEvents(client, namespace, EVENTS_SHOWN)
                    + "Fix the workload, or raise `readyTimeout` if it is just slow to start.");
        }
    }

    /**
     * Ready must hold for {@link #STABLE}: a container without a readiness probe is Ready the moment it starts, so a
     * crash-looping JVM is briefly "Ready" before it exits.
     */
    static KubeWait.Status stable(KubeWait.Status now, long[] readySince) {
        if (!now.done()) {
            readySince[0] = 0;
            return now;
        }
        long t = System.nanoTime();
        if (readySince[0] == 0) {
            readySince[0] = t;
        }
        boolean held = t - readySince[0] >= STABLE.toNanos();
        return new KubeWait.Status(held, now.state() + (held ? "" : "all Ready, checking it stays Ready for "
                + STABLE.toSeconds() + " s\n"));
    }

    /** Each controller as the API server returns it now, judged by {@link Rollouts#pending}. */
    static Rollout rollouts(KubernetesClient client, List<HasMetadata> controllers, Map<String, Integer> minimums) {
        boolean done = true;
        StringBuilder state = new StringBuilder();
        for (HasMetadata c : controllers) {
            HasMetadata current = client.resource(c).get();
            Optional<String> pending = current == null ? Optional.of(Rollouts.key(c) + ": not found")
                    : Rollouts.pending(current, minimums.getOrDefault(Rollouts.key(c), 0));
            done &= pending.isEmpty();
            state.append(pending.orElse(Rollouts.key(c) + ": rolled out")).append('\n');
        }
        return new Rollout(done, state.toString());
    }

    /** The controllers' part of a poll, to be joined with the pods' part. */
    record Rollout(boolean done, String state) {
        KubeWait.Status and(KubeWait.Status pods) {
            return new KubeWait.Status(done && pods.done(), state + pods.state());
        }
    }

    static KubeWait.Status poll(KubernetesClient client, String namespace, List<String> selectors,
                                List<String> podNames) {
        Map<String, List<Pod>> groups = new LinkedHashMap<>();
        for (String selector : selectors) {
            groups.put("selector " + selector, live(client.pods().inNamespace(namespace).withLabelSelector(selector)
                    .list().getItems()));
        }
        for (String name : podNames) {
            Pod pod = client.pods().inNamespace(namespace).withName(name).get();
            groups.put("pod " + name, pod == null ? List.of() : List.of(pod));
        }
        boolean done = true;
        StringBuilder state = new StringBuilder();
        for (Map.Entry<String, List<Pod>> group : groups.entrySet()) {
            List<Pod> pods = group.getValue();
            boolean ready = !pods.isEmpty() && pods.stream().allMatch(PodDiagnostics::isReady);
            done &= ready;
            state.append(group.getKey()).append(pods.isEmpty() ? ": no pods yet\n"
                    : ": " + pods.stream().filter(PodDiagnostics::isReady).count() + "/" + pods.size() + " Ready\n");
            if (!ready) {
                state.append(PodDiagnostics.describe(pods).indent(2));
            }
        }
        return new KubeWait.Status(done, state.toString());
    }

    private static List<Pod> pods(KubernetesClient client, String namespace, List<String> selectors) {
        List<Pod> pods = new ArrayList<>();
        for (String selector : selectors) {
            pods.addAll(live(client.pods().inNamespace(namespace).withLabelSelector(selector).list().getItems()));
        }
        return pods;
    }

    private static List<Pod> live(List<Pod> pods) {
        List<Pod> live = new ArrayList<>();
        for (Pod p : pods) {
            if (p.getMetadata().getDeletionTimestamp() == null) {
                live.add(p);
            }
        }
        return live;
    }

    private static String describe(List<String> selectors, List<String> podNames) {
        List<String> parts = new ArrayList<>(selectors);
        podNames.forEach(n -> parts.add("pod/" + n));
        return parts.toString();
    }
}
