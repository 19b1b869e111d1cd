package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.internal.kube.HogPlacement;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The objects that run the memory hog: a ConfigMap carrying the native eater jar (binaryData) and a Pod running it
 * on a stock JRE image, with the QoS class, priority and no privileges the {@link HogSpec} asks for.
 *
 * <!-- sample(KubernetesClient client, String ns, HogSpec spec, String node) -->
 * <pre>{@code
 * HogTarget target = HogTarget.resolve(spec, client.nodes().withName(node).get());
 * client.configMaps().inNamespace(ns).resource(HogPod.configMap("squeeze-eater-x", "eviction", HogPod.eaterJar())).create();
 * client.pods().inNamespace(ns).resource(HogPod.pod("squeeze-hog-x", "squeeze-eater-x", "eviction", spec, target, node)).create();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class HogPod {

    /** Where core's build puts the eater jar (maven-dependency-plugin, from the native-eater module). */
    public static final String JAR_RESOURCE = "/dev/squeeze/pressure/squeeze-native-eater.jar";
    public static final String JAR_KEY = "eater.jar";
    public static final String MOUNT_PATH = "/squeeze";
    /** {@code app.kubernetes.io/name} of the hog pod. */
    public static final String APP = "squeeze-hog";
    /** The label naming the experiment on everything Squeeze creates, so cleanup and probes find it. */
    public static final String EXPERIMENT_LABEL = "squeeze.dev/experiment";
    /** A ConfigMap holds at most 1 MiB; what is left for the jar after metadata. */
    static final int CONFIG_MAP_LIMIT = (1 << 20) - 4096;
    static final Quantity BURSTABLE_REQUEST = new Quantity("64Mi");
    static final Quantity GUARANTEED_CPU = new Quantity("100m");

    private HogPod() {
    }

    /** The eater jar shipped inside squeeze-core. */
    public static byte[] eaterJar() {
        try (InputStream in = HogPod.class.getResourceAsStream(JAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the native eater jar " + JAR_RESOURCE + " is missing from the"
                        + " squeeze-core classpath; core's build copies it from the installed squeeze-native-eater"
                        + " artifact: run `mvn -pl native-eater install` before building core without -Dmdep.skip");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ConfigMap with the jar under {@link #JAR_KEY}. */
    public static ConfigMap configMap(String name, String experiment, byte[] jar) {
        if (jar.length > CONFIG_MAP_LIMIT) {
            throw new IllegalArgumentException("the eater jar is " + jar.length + " bytes, more than a ConfigMap holds ("
                    + CONFIG_MAP_LIMIT + "); keep squeeze-native-eater free of dependencies");
        }
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name).withLabels(labels("squeeze-eater", experiment)).endMetadata()
                .withBinaryData(Map.of(JAR_KEY, Base64.getEncoder().encodeToString(jar)))
                .build();
    }

    /**
     * The hog pod.
     *
     * @param configMap the ConfigMap made by {@link #configMap}
     * @param node      the node to run on (exactly, by name), or {@code ""} to let the scheduler choose
     */
    public static Pod pod(String name, String configMap, String experiment, HogSpec spec, HogTarget target,
                          String node) {
        return pod(name, configMap, experiment, spec, target, node, null);
    }

    /**
     * The hog pod with a lifetime: {@code activeDeadlineSeconds}, after which the kubelet stops the eater even when
     * nobody is left to delete it (the test JVM was killed, on an existing cluster that no watchdog cleans up).
     *
     * @param lifetime the longest the experiment can need the hog for, or {@code null} for none
     */
    public static Pod pod(String name, String configMap, String experiment, HogSpec spec, HogTarget target,
                          String node, Duration lifetime) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withLabels(labels(APP, experiment)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds(lifetime == null ? null : Math.max(1, lifetime.toSeconds()))
                .withTerminationGracePeriodSeconds(5L)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withPriorityClassName(spec.priorityClassName().isEmpty() ? null : spec.priorityClassName())
                .withAffinity(onNode(node))
                .withTolerations(HogPlacement.HOG_TOLERATIONS)
                .withSecurityContext(PodSecurity.pod())
                .addNewContainer()
                .withName("eater")
                .withImage(spec.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(command(spec, target))
                .withResources(resources(spec))
                .withSecurityContext(PodSecurity.container())
                .addNewVolumeMount().withName("eater").withMountPath(MOUNT_PATH).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("eater").withNewConfigMap().withName(configMap).endConfigMap().endVolume()
                // on disk, not tmpfs: a memory-backed /tmp would count towards the pod's memory
                .addNewVolume().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("16Mi")).endEmptyDir()
                .endVolume()
                .endSpec()
                .build();
    }

    /**
     * The eater's command line. The JVM flags are the eater's own recommendation (its manifest's
     * {@code Squeeze-Java-Options}): measured at ~39 MiB of JVM overhead, 12 MiB less than C1-only flags.
     */
    public static List<String> command(HogSpec spec, HogTarget target) {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xint", "-Xmx16m", "-Xmn512k", "-XX:+UseSerialGC",
                "-Xss256k", "-XX:-UsePerfData", "-XX:StringTableSize=1024", "--enable-native-access=ALL-UNNAMED",
                "-jar", MOUNT_PATH + "/" + JAR_KEY,
                "--size", Long.toString(target.bytes()),
                "--rate", spec.rate().toArgument(),
                "--hold", "forever"));
        // the pod is the sandbox and starving the node is the point: the eater's workstation guard must not veto it
        cmd.add("--i-know");
        return cmd;
    }

    static ResourceRequirements resources(HogSpec spec) {
        MemorySize limit = spec.limit();
        return switch (spec.qos()) {
            case BEST_EFFORT -> new ResourceRequirements();
            case BURSTABLE -> {
                ResourceRequirementsBuilder b = new ResourceRequirementsBuilder();
                Quantity request = !limit.isZero() && limit.bytes() < Quantity.getAmountInBytes(BURSTABLE_REQUEST).longValue()
                        ? new Quantity(limit.toQuantity()) : BURSTABLE_REQUEST;
                b.addToRequests("memory", request);
                if (!limit.isZero()) {
                    b.addToLimits("memory", new Quantity(limit.toQuantity()));
                }
                yield b.build();
            }
            case GUARANTEED -> {
                if (limit.isZero()) {
                    throw new IllegalArgumentException("a GUARANTEED hog needs a memory `limit` (requests = limits),"
                            + " but none was given; for example hog.withQos(QosClass.GUARANTEED, MemorySize.parse(\"1Gi\"))");
                }
                Quantity memory = new Quantity(limit.toQuantity());
                yield new ResourceRequirementsBuilder()
                        .addToRequests("memory", memory).addToRequests("cpu", GUARANTEED_CPU)
                        .addToLimits("memory", memory).addToLimits("cpu", GUARANTEED_CPU)
                        .build();
            }
        };
    }

    /** Pins a pod to a node by name, as DaemonSets do (the hostname label need not equal the node name). */
    static Affinity onNode(String node) {
        if (node == null || node.isEmpty()) {
            return null;
        }
        return new AffinityBuilder().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchField().withKey("metadata.name").withOperator("In")
                .withValues(node).endMatchField().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build();
    }

    static Map<String, String> labels(String app, String experiment) {
        return Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/managed-by", "squeeze",
                EXPERIMENT_LABEL, labelValue(experiment));
    }

    /**
     * The experiment name as a label value and name part: lower case, {@code [a-z0-9-]}, at most 40 characters.
     * {@code "EvictionIT.bestEffortHog()"} becomes {@code "evictionit-bestefforthog"}.
     */
    public static String labelValue(String experiment) {
        String s = experiment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        s = s.length() > 40 ? s.substring(0, 40) : s;
        s = s.replaceAll("^-+", "").replaceAll("-+$", "");
        return s.isEmpty() ? "experiment" : s;
    }
}
