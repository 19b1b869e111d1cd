package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/**
 * The small BestEffort pod created after the hog is gone, to prove the node admits new pods again (the kubelet
 * rejects BestEffort pods while MemoryPressure is set). It runs {@code java -version} on the hog's image, so it needs
 * no image beyond the one already on the node.
 *
 * <pre>{@code
 * client.pods().inNamespace(ns).resource(AdmissionCheckPod.pod("squeeze-admission-x", "eviction", image, node)).create();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class AdmissionCheckPod {

    /** {@code app.kubernetes.io/name} of the admission-check pod. */
    public static final String APP = "squeeze-admission-check";

    private AdmissionCheckPod() {
    }

    public static Pod pod(String name, String experiment, String image, String node) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withLabels(HogPod.labels(APP, experiment)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withTerminationGracePeriodSeconds(1L)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withAffinity(HogPod.onNode(node))
                .withSecurityContext(PodSecurity.pod())
                .addNewContainer()
                .withName("check")
                .withImage(image)
                .withImagePullPolicy("IfNotPresent")
                .withCommand("java", "-Xmx8m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-version")
                .withSecurityContext(PodSecurity.container())
                .endContainer()
                .endSpec()
                .build();
    }
}
