package dev.squeeze.internal.pressure;

import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.QosClass;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HogPodSpecTest {

    private static final HogTarget TARGET = new HogTarget(1_500L << 20, "absolute 1500Mi");

    private static HogSpec spec() {
        return HogSpec.of(HogSize.of(MemorySize.parse("1500Mi"))).withRate(MemoryRate.parse("200Mi/s"))
                .withHold(Duration.ofSeconds(20)).withImage("eclipse-temurin:25-jre");
    }

    private static Container eater(Pod pod) {
        return pod.getSpec().getContainers().get(0);
    }

    @Test
    void best_effort_hog_has_no_resources_and_the_eater_command_line() {
        Pod pod = HogPod.pod("squeeze-hog-x", "squeeze-eater-x", "Eviction IT", spec(), TARGET, "node-1");

        assertThat(eater(pod).getResources().getRequests()).isNullOrEmpty();
        assertThat(eater(pod).getResources().getLimits()).isNullOrEmpty();
        assertThat(eater(pod).getCommand()).containsExactly("java", "-Xint", "-Xmx16m", "-Xmn512k",
                "-XX:+UseSerialGC", "-Xss256k", "-XX:-UsePerfData", "-XX:StringTableSize=1024",
                "--enable-native-access=ALL-UNNAMED",
                "-jar", "/squeeze/eater.jar", "--size", Long.toString(1_500L << 20), "--rate", "200Mi/s",
                "--hold", "forever", "--i-know");
        assertThat(eater(pod).getImage()).isEqualTo("eclipse-temurin:25-jre");
        assertThat(eater(pod).getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getPriorityClassName()).isNull();
        assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "squeeze-hog")
                .containsEntry("squeeze.dev/experiment", "eviction-it");
    }

    @Test
    void burstable_hog_requests_64Mi_and_is_limited_when_a_limit_is_given() {
        Pod limited = HogPod.pod("h", "c", "e", spec().withQos(QosClass.BURSTABLE, MemorySize.parse("1Gi")), TARGET, "");
        Pod unlimited = HogPod.pod("h", "c", "e", spec().withQos(QosClass.BURSTABLE, MemorySize.ZERO), TARGET, "");
        Pod tiny = HogPod.pod("h", "c", "e", spec().withQos(QosClass.BURSTABLE, MemorySize.parse("32Mi")), TARGET, "");

        assertThat(eater(limited).getResources().getRequests()).isEqualTo(Map.of("memory", new Quantity("64Mi")));
        assertThat(eater(limited).getResources().getLimits()).isEqualTo(Map.of("memory", new Quantity("1Gi")));
        assertThat(eater(unlimited).getResources().getLimits()).isNullOrEmpty();
        assertThat(eater(tiny).getResources().getRequests()).isEqualTo(Map.of("memory", new Quantity("32Mi")));
    }

    @Test
    void guaranteed_hog_sets_requests_equal_to_limits_for_memory_and_cpu() {
        Pod pod = HogPod.pod("h", "c", "e", spec().withQos(QosClass.GUARANTEED, MemorySize.parse("2Gi"))
                .withPriorityClassName("squeeze-high"), TARGET, "");

        Map<String, Quantity> expected = Map.of("memory", new Quantity("2Gi"), "cpu", new Quantity("100m"));
        assertThat(eater(pod).getResources().getRequests()).isEqualTo(expected);
        assertThat(eater(pod).getResources().getLimits()).isEqualTo(expected);
        assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("squeeze-high");
    }

    @Test
    void guaranteed_hog_without_limit_is_refused_with_the_fix() {
        HogSpec noLimit = spec().withQos(QosClass.GUARANTEED, MemorySize.ZERO);

        assertThatThrownBy(() -> HogPod.pod("h", "c", "e", noLimit, TARGET, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GUARANTEED hog needs a memory `limit`")
                .hasMessageContaining("hog.withQos(QosClass.GUARANTEED, MemorySize.parse(\"1Gi\"))");
    }

    @Test
    void hog_runs_without_privileges() {
        Pod pod = HogPod.pod("h", "c", "e", spec(), TARGET, "");

        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        var sc = eater(pod).getSecurityContext();
        assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
        assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
        assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(eater(pod).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/tmp");
        });
        assertThat(pod.getSpec().getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("tmp");
            assertThat(v.getEmptyDir().getMedium()).as("a tmpfs /tmp would count as the hog's memory").isNull();
        });
    }

    @Test
    void hog_is_pinned_to_the_node_by_name_when_one_is_given() {
        Pod pinned = HogPod.pod("h", "c", "e", spec(), TARGET, "k3s-node-1");
        Pod free = HogPod.pod("h", "c", "e", spec(), TARGET, "");

        var term = pinned.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms().get(0).getMatchFields().get(0);
        assertThat(term.getKey()).isEqualTo("metadata.name");
        assertThat(term.getValues()).containsExactly("k3s-node-1");
        assertThat(free.getSpec().getAffinity()).isNull();
    }

    @Test
    void config_map_carries_the_jar_as_binary_data_and_refuses_what_does_not_fit() {
        byte[] jar = {1, 2, 3};
        ConfigMap cm = HogPod.configMap("squeeze-eater-x", "e", jar);

        assertThat(Base64.getDecoder().decode(cm.getBinaryData().get("eater.jar"))).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> HogPod.configMap("c", "e", new byte[1 << 20]))
                .hasMessageContaining("more than a ConfigMap holds");
    }

    @Test
    void experiment_names_become_valid_label_values() {
        assertThat(HogPod.labelValue("EvictionIT.bestEffortHog()")).isEqualTo("evictionit-besteffort" + "hog");
        assertThat(HogPod.labelValue("---")).isEqualTo("experiment");
        assertThat(HogPod.labelValue("a".repeat(80))).hasSize(40);
    }

    @Test
    void admission_check_pod_is_best_effort_and_unprivileged() {
        Pod pod = AdmissionCheckPod.pod("squeeze-admission-x-1", "e", "rancher/mirrored-pause:3.6", "node-1");

        Container c = pod.getSpec().getContainers().get(0);
        assertThat(c.getResources()).isNull();
        assertThat(c.getCommand()).as("the pause image's own entrypoint").isNullOrEmpty();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "squeeze-admission-check");
    }

    @Test
    void admission_check_runs_the_pause_image_the_node_itself_runs_not_the_hogs() {
        // GIVEN a node whose runtime lists its sandbox image among its images, and one that lists none
        Node node = new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().withNewStatus()
                .addNewImage().withNames("docker.io/library/eclipse-temurin:25-jre").endImage()
                .addNewImage().withNames("sandbox.example/pause:3.10", "sandbox.example/pause@sha256:ee6521f2")
                .endImage().endStatus().build();
        Node bare = new NodeBuilder().withNewMetadata().withName("node-2").endMetadata().build();

        // WHEN/THEN the check uses the node's pause image, else the one k3s runs by default
        assertThat(AdmissionCheckPod.pauseImage(node)).isEqualTo("sandbox.example/pause:3.10");
        assertThat(AdmissionCheckPod.pauseImage(bare)).isEqualTo("rancher/mirrored-pause:3.6");
    }
}
