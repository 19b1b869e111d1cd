package dev.squeeze.junit5.internal;

import dev.squeeze.internal.workload.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses every manifest with fabric8 before a node starts: invalid YAML, an empty file and a kind fabric8 cannot map
 * are configuration mistakes. fabric8 reads an unknown kind as a {@link GenericKubernetesResource}; that is accepted
 * only where it can be a custom resource: its CustomResourceDefinition is among the manifests, it belongs to k3s's own
 * {@code *.cattle.io} groups, or the cluster is an existing one (whose CRDs Squeeze cannot see before it connects).
 *
 * <pre>{@code
 * new ManifestChecks(subject, false, problems).check(List.of("classpath:k8s/app.yaml"));
 * }</pre>
 */
final class ManifestChecks {

    /** Kinds people write most, for the fix of a misspelt kind or a wrong apiVersion. */
    private static final Map<String, String> COMMON = common();

    private final Subject subject;
    private final boolean existingCluster;
    private final Problems problems;

    ManifestChecks(Subject subject, boolean existingCluster, Problems problems) {
        this.subject = subject;
        this.existingCluster = existingCluster;
        this.problems = problems;
    }

    /** Parses each manifest (known to exist) and checks its objects against the CRDs of all of them. */
    void check(List<String> manifests) {
        Map<String, List<HasMetadata>> parsed = new LinkedHashMap<>();
        for (String manifest : manifests) {
            try {
                parsed.put(manifest, Manifests.parse(manifest));
            } catch (IllegalArgumentException e) {
                String quoted = "'" + manifest + "'";
                String what = e.getMessage().replaceFirst("^`manifests` entry ", "");
                what = what.startsWith(quoted + " ") ? what.substring(quoted.length() + 1) : what;
                problems.add(subject.attr("manifests") + " must name YAML with Kubernetes objects, but was " + quoted
                        + ", which " + what + ". Fix: correct the file; every document needs apiVersion, kind and"
                        + " metadata.name");
            }
        }
        Set<String> defined = new HashSet<>();
        parsed.values().forEach(objects -> objects.stream().filter(CustomResourceDefinition.class::isInstance)
                .map(CustomResourceDefinition.class::cast).filter(crd -> crd.getSpec() != null
                        && crd.getSpec().getNames() != null)
                .forEach(crd -> defined.add(crd.getSpec().getGroup() + "/" + crd.getSpec().getNames().getKind())));
        parsed.forEach((manifest, objects) -> objects.stream().filter(GenericKubernetesResource.class::isInstance)
                .forEach(o -> checkUnknown(manifest, o, defined)));
    }

    private void checkUnknown(String manifest, HasMetadata object, Set<String> defined) {
        String apiVersion = String.valueOf(object.getApiVersion());
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        boolean builtInGroup = !group.contains(".") || group.endsWith(".k8s.io");
        if (defined.contains(group + "/" + object.getKind()) || group.endsWith("cattle.io")
                || (existingCluster && !builtInGroup)) {
            return;
        }
        String value = "'apiVersion: " + apiVersion + ", kind: " + object.getKind() + "' ("
                + object.getMetadata().getName() + " in " + manifest + ")";
        if (builtInGroup) {
            problems.add(subject.attr("manifests") + " must hold kinds Kubernetes knows, but was " + value
                    + ", which fabric8 cannot map to a Kubernetes kind, and no CustomResourceDefinition in the"
                    + " manifests defines it. Fix: " + guess(object.getKind())
                    .map(kind -> "write apiVersion: " + COMMON.get(kind) + " and kind: " + kind)
                    .orElse("correct kind and apiVersion as `kubectl api-resources` lists them"));
            return;
        }
        problems.add(subject.attr("manifests") + " must define the custom resources it uses, but was " + value
                + ", a custom resource of group " + group + " whose CustomResourceDefinition is not among the"
                + " manifests, and the throwaway k3s node has none (or is kind or apiVersion misspelt?). Fix: add the"
                + " CustomResourceDefinition to manifests before it, or run on an existing cluster that has it with"
                + " squeeze.kubeconfig");
    }

    /** {@code Deploymnet} → {@code Deployment}: the common kind nearest in spelling, within two edits. */
    private static Optional<String> guess(String kind) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : COMMON.keySet()) {
            int d = distance(kind.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static Map<String, String> common() {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")) {
            kinds.put(kind, "apps/v1");
        }
        for (String kind : List.of("Pod", "Service", "ConfigMap", "Secret", "Namespace", "ServiceAccount",
                "PersistentVolumeClaim")) {
            kinds.put(kind, "v1");
        }
        kinds.put("Job", "batch/v1");
        kinds.put("CronJob", "batch/v1");
        kinds.put("Ingress", "networking.k8s.io/v1");
        kinds.put("NetworkPolicy", "networking.k8s.io/v1");
        kinds.put("PodDisruptionBudget", "policy/v1");
        kinds.put("HorizontalPodAutoscaler", "autoscaling/v2");
        kinds.put("PriorityClass", "scheduling.k8s.io/v1");
        return kinds;
    }
}
