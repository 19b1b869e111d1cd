package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.internal.kube.SqueezeMockKube;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExistingClusterTest {

    private SqueezeMockKube kube;
    private KubernetesClient client;

    @BeforeEach
    void startMockServer() {
        kube = new SqueezeMockKube();
        client = kube.client();
    }

    @AfterEach
    void stopMockServer() {
        kube.close();
    }

    private void node(String name, boolean ready, boolean controlPlane) {
        NodeBuilder b = new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec()
                .withNewStatus()
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .withCapacity(Map.of("memory", new Quantity("8Gi")))
                .withAllocatable(Map.of("memory", new Quantity("7Gi")))
                .withNewNodeInfo().withKubeletVersion("v1.34.4").endNodeInfo()
                .endStatus();
        if (controlPlane) {
            b.editSpec().addNewTaint().withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule")
                    .endTaint().endSpec();
        }
        Node node = b.build();
        client.nodes().resource(node).create();
    }

    @Test
    void picksTheFirstReadyWorkerCreatesANamespaceAndDeletesItOnClose() {
        node("control", true, true);
        node("broken", false, false);
        node("worker", true, false);

        ExistingCluster cluster = ExistingCluster.attach(kube.server().createClient(), "");
        String namespace = cluster.namespace();

        assertThat(cluster.nodeName()).isEqualTo("worker");
        assertThat(namespace).matches("squeeze-[a-z0-9]{5}");
        assertThat(client.namespaces().withName(namespace).get().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "squeeze");
        assertThat(cluster.facts()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo("existing");
            assertThat(f.version()).isEqualTo("v1.34.4");
            assertThat(f.declaredBytes()).isZero();
            assertThat(f.capacityBytes()).isEqualTo(8L << 30);
            assertThat(f.allocatableBytes()).isEqualTo(7L << 30);
            assertThat(f.kubepodsLimitBytes()).isNull();
            assertThat(f.evictionThresholdBytes()).isZero();
            assertThat(f.memoryModel()).contains("eviction threshold unknown: kubelet /configz not readable");
        });

        cluster.close();
        cluster.close();

        assertThat(client.namespaces().withName(namespace).get()).isNull();
    }

    @Test
    void readsTheEvictionThresholdFromTheKubeletsConfigz() {
        node("worker", true, false);
        kube.server().expect().get().withPath("/api/v1/nodes/worker/proxy/configz")
                .andReturn(200, "{\"kubeletconfig\":{\"evictionHard\":{\"memory.available\":\"10%\","
                        + "\"nodefs.available\":\"10%\"}}}").always();

        try (ExistingCluster cluster = ExistingCluster.attach(kube.server().createClient(), "worker")) {
            assertThat(cluster.facts().evictionThresholdBytes()).isEqualTo((8L << 30) / 10);
            assertThat(cluster.facts().memoryModel()).contains("hard eviction at memory.available<10% (kubelet"
                    + " /configz: evictionHard {memory.available=10%,nodefs.available=10%}, kubeReserved (none)");
        }
    }

    @Test
    void aForbiddenConfigzNamesTheMissingGrant() {
        node("worker", true, false);
        kube.server().expect().get().withPath("/api/v1/nodes/worker/proxy/configz")
                .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":"
                        + "\"Forbidden\",\"code\":403,\"message\":\"nodes \\\"worker\\\" is forbidden: User"
                        + " \\\"system:serviceaccount:ci:squeeze\\\" cannot get resource \\\"nodes/proxy\\\"\"}")
                .always();

        try (ExistingCluster cluster = ExistingCluster.attach(kube.server().createClient(), "worker")) {
            assertThat(cluster.facts().memoryModel())
                    .contains("kubelet /configz is forbidden to this identity")
                    .contains("cannot get resource \"nodes/proxy\"")
                    .endsWith("grant `get` on `nodes/proxy` to read it");
        }
    }

    @Test
    void saysWhenTheNodeHasNoMemoryEvictionAndWhichSettingToChange() {
        node("worker", true, false);
        kube.server().expect().get().withPath("/api/v1/nodes/worker/proxy/configz")
                .andReturn(200, "{\"kubeletconfig\":{\"evictionHard\":{\"nodefs.available\":\"5%\"},"
                        + "\"kubeReserved\":{\"memory\":\"64Mi\"}}}").always();

        try (ExistingCluster cluster = ExistingCluster.attach(kube.server().createClient(), "worker")) {
            assertThat(cluster.facts().evictionThresholdBytes()).isZero();
            assertThat(cluster.facts().memoryModel())
                    .contains("NO memory eviction: no memory.available hard eviction threshold")
                    .contains("kubeReserved {memory=64Mi}")
                    .contains("--eviction-hard=memory.available<");
        }
    }

    @Test
    void aLabelSelectorPicksTheFirstReadyNodeThatCarriesEveryLabel() {
        node("b-tuned", true, false);
        node("a-tuned", false, false);
        node("c-other", true, false);
        label("a-tuned", "profile", "tuned");
        label("b-tuned", "profile", "tuned");

        try (ExistingCluster cluster = ExistingCluster.attach(kube.server().createClient(), "profile=tuned")) {
            assertThat(cluster.nodeName()).isEqualTo("b-tuned");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExistingCluster.attach(kube.server().createClient(), "profile=gpu"))
                .withMessageStartingWith("`node` selector 'profile=gpu' matches no node; the cluster's nodes are [")
                .withMessageContainingAll("a-tuned", "b-tuned", "c-other")
                .withMessageEndingWith("]; label one with `kubectl label node NAME profile=gpu` or use a node name");
    }

    private void label(String node, String key, String value) {
        client.nodes().withName(node).edit(n -> {
            n.getMetadata().setLabels(Map.of(key, value));
            return n;
        });
    }

    private void taint(String node, String key, String effect) {
        client.nodes().withName(node).edit(n -> new NodeBuilder(n).editSpec().addNewTaint().withKey(key)
                .withValue("true").withEffect(effect).endTaint().endSpec().build());
    }

    private void cordon(String node) {
        client.nodes().withName(node).edit(n -> new NodeBuilder(n).editSpec().withUnschedulable(true).endSpec()
                .build());
    }

    @Test
    void theDefaultSkipsCordonedNodesAndTaintsTheHogDoesNotTolerate() {
        // GIVEN Ready nodes that the hog cannot be scheduled on, in name order before the one it can
        node("a-cordoned", true, false);
        cordon("a-cordoned");
        node("b-dedicated", true, false);
        taint("b-dedicated", "dedicated", "NoSchedule");
        node("c-draining", true, false);
        taint("c-draining", "maintenance", "NoExecute");
        node("d-preferred-not", true, false);
        taint("d-preferred-not", "spot", "PreferNoSchedule");

        // WHEN Squeeze picks the node itself
        try (ExistingCluster cluster = ExistingCluster.attach(kube.server().createClient(), "")) {

            // THEN it takes the first one the hog can run on (PreferNoSchedule does not keep a pod off)
            assertThat(cluster.nodeName()).isEqualTo("d-preferred-not");
        }
    }

    @Test
    void theDefaultRefusesByNameWhenNoReadyNodeCanTakeTheHog() {
        // GIVEN every Ready node cordoned or tainted, and one that is not Ready
        node("control", true, true);
        node("worker-1", true, false);
        cordon("worker-1");
        node("worker-2", true, false);
        taint("worker-2", "dedicated", "NoSchedule");
        node("worker-3", false, false);

        // WHEN Squeeze picks the node itself, THEN it refuses, naming each node and why
        assertThatThrownBy(() -> ExistingCluster.attach(kube.server().createClient(), ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no node of the cluster can take the hog: control (taint"
                        + " node-role.kubernetes.io/control-plane:NoSchedule), worker-1 (cordoned), worker-2 (taint"
                        + " dedicated=true:NoSchedule), worker-3 (not Ready: node worker-3 conditions: Ready=False)."
                        + " Fix: uncordon a node or remove its taint, or name a node with `node` (squeeze.node)");
    }

    @Test
    void aMissingNodeIsNamedWithTheNodesThatExist() {
        node("a", true, false);
        node("b", true, false);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExistingCluster.attach(kube.server().createClient(), "c"))
                .withMessage("`node` 'c' is not in the cluster; its nodes are [a, b]; use one of them or \"\" to pick"
                        + " a Ready worker");
    }

    @Test
    void aNodeThatIsNotReadyIsRefused() {
        node("a", false, false);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExistingCluster.attach(kube.server().createClient(), "a"))
                .withMessageStartingWith("`node` 'a' is not Ready (node a conditions: Ready=False)");
    }

    @Test
    void loadImagesRefusesWithTheFix() {
        node("worker", true, false);

        try (ExistingCluster cluster = ExistingCluster.attach(kube.server().createClient(), "")) {
            assertThatThrownBy(() -> cluster.loadImages(List.of("app:dev")))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith("cannot side-load images [app:dev] into an existing cluster (")
                    .hasMessageEndingWith("): push them to a registry its nodes can pull from and reference that"
                            + " name in your manifests");
        }
    }

    @Test
    void attachesThroughAKubeconfigContext(@TempDir Path dir) throws Exception {
        node("worker", true, false);
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                contexts:
                - name: other
                  context: {cluster: mock, user: u}
                - name: mock
                  context: {cluster: mock, user: u}
                current-context: other
                users:
                - name: u
                  user: {token: t}
                """.formatted(client.getMasterUrl()));

        try (ExistingCluster cluster = ExistingCluster.attach(new ExistingClusterSpec(kubeconfig, "mock", ""))) {
            assertThat(cluster.nodeName()).isEqualTo("worker");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExistingCluster.attach(new ExistingClusterSpec(kubeconfig, "prod", "")))
                .withMessageContaining("`context` 'prod'")
                .withMessageContaining("kubectl config get-contexts");
    }

    @Test
    void aMissingKubeconfigIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExistingCluster.attach(new ExistingClusterSpec(missing, "", "")))
                .withMessage("`kubeconfig` '" + missing + "' is not a file; point it at a kubeconfig such as"
                        + " ~/.kube/config");
    }
}
