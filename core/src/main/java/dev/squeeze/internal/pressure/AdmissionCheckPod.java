package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.kube.HogPlacement;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The small BestEffort pod created after the hog is gone, to prove the node admits new pods again (the kubelet
 * rejects BestEffort pods while MemoryPressure is set). It runs the pause image the node itself runs for every pod
 * sandbox ({@link #pauseImage}), so it needs no image beyond one the node is sure to have: not the hog's, which may be
 * the very image that could not be pulled.
 *
 * <!-- sample(KubernetesClient client, String ns, String node) -->
 * <pre>{@code
 * String image = AdmissionCheckPod.pauseImage(client.nodes().withName(node).get());
 * client.pods().inNamespace(ns).resource(AdmissionCheckPod.pod("squeeze-admission-x", "eviction", image, node)).create();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class AdmissionCheckPod {

    /** {@code app.kubernetes.io/name} of the admission-check pod. */
    public static final String APP = "squeeze-admission-check";

    /** k3s's own default sandbox image ({@code --pause-image}), for a node that lists none. */
    public static final String K3S_PAUSE_IMAGE = "rancher/mirrored-pause:3.6";
    private static final Pattern PAUSE = Pattern.compile("(^|/)(mirrored-)?pause:[^/]+$");

    private AdmissionCheckPod() {
    }

    /**
     * The pause image among the images the kubelet reports on {@code node} ({@code status.images}: the container
     * runtime keeps its sandbox image pinned there), else {@link #K3S_PAUSE_IMAGE}.
     */
    public static String pauseImage(Node node) {
        if (node != null && node.getStatus() != null && node.getStatus().getImages() != null) {
            for (ContainerImage image : node.getStatus().getImages()) {
                for (String name : image.getNames() == null ? List.<String>of() : image.getNames()) {
                    if (PAUSE.matcher(name).find()) {
                        return name;
                    }
                }
            }
        }
        return K3S_PAUSE_IMAGE;
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
                .withTolerations(HogPlacement.HOG_TOLERATIONS)
                .withSecurityContext(PodSecurity.pod())
                .addNewContainer()
                .withName("check")
                .withImage(image)
                .withImagePullPolicy("IfNotPresent")
                .withSecurityContext(PodSecurity.container())
                .endContainer()
                .endSpec()
                .build();
    }
}
