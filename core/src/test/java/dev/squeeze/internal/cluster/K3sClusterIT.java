package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.NodeSpec;
import com.github.dockerjava.api.DockerClient;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A real 2Gi k3s node: sizing read back, the physical wall in force, pods run, and close leaves nothing behind. */
@Execution(ExecutionMode.CONCURRENT) // each method starts its own node: they run in parallel (see the POM)
class K3sClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(K3sClusterIT.class);
    private static final MemorySize TWO_GI = MemorySize.parse("2Gi");

    @BeforeAll
    static void dockerIsThere() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is not available: no k3s to start");
    }

    @Test
    void startsASizedNodeBehindAPhysicalWallAndRemovesItOnClose() throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        long host = docker.infoCmd().exec().getMemTotal();
        NodeSpec spec = NodeSpec.ofMemory(TWO_GI).withImage(K3sSmokeIT.K3S_IMAGE)
                .withImagesToLoad(List.of(Images.defaultJreImage()));
        NodeSizing sizing = NodeSizing.derive(spec, MemorySize.ofBytes(host), "/x", true, 34);
        String containerId;
        String parent;

        try (K3sCluster cluster = K3sCluster.start(spec)) {
            containerId = cluster.container().getContainerId();
            LOG.info("k3s startup: {}", cluster.startupTimes());
            LOG.info("facts: {}", cluster.facts());

            // GIVEN the node Squeeze started, THEN it reports the derived size
            Node node = cluster.client().nodes().withName(cluster.nodeName()).get();
            assertThat(K3sReadiness.isReady(node)).as(K3sReadiness.describe(node)).isTrue();
            assertThat(bytes(node.getStatus().getCapacity().get("memory"))).isEqualTo(host);
            assertThat(bytes(node.getStatus().getAllocatable().get("memory")))
                    .isEqualTo(sizing.expectedAllocatable().bytes());
            assertThat(cluster.facts().declaredBytes()).isEqualTo(TWO_GI.bytes());
            assertThat(cluster.facts().kubepodsLimitBytes())
                    .isBetween(sizing.expectedKubepodsLimit().bytes() - 4095, sizing.expectedKubepodsLimit().bytes());
            assertThat(cluster.facts().evictionThresholdBytes()).isEqualTo(MemorySize.parse("200Mi").bytes());

            // AND the wall: k3s and every pod live below one parent limited to N
            parent = cluster.facts().kubeletArgs().stream().filter(a -> a.startsWith("cgroup-root="))
                    .map(a -> a.substring("cgroup-root=".length())).findFirst().orElseThrow();
            String dir = "/sys/fs/cgroup/memory" + parent;
            assertThat(sh(cluster, "cat " + dir + "/memory.limit_in_bytes").strip())
                    .isEqualTo(String.valueOf(TWO_GI.bytes()));
            // k3s itself (PID 1): k3s's CheckCgroups would put it in the host's /k3s; Squeeze's kubelet-cgroups keep
            // it below the parent, where the kubelet moved it
            assertThat(cluster.facts().kubeletArgs()).contains("kubelet-cgroups=" + parent + "/k3s",
                    "runtime-cgroups=" + parent + "/k3s");
            assertThat(sh(cluster, "cat /proc/1/cgroup")).containsPattern("(?m):memory:" + parent + "/k3s$");
            assertThat(cluster.facts().k3sMemoryBytes()).isPositive().isLessThan(TWO_GI.bytes());
            String podDirs = sh(cluster, "ls -d " + dir + "/kubepods/*/pod* " + dir + "/kubepods/pod* 2>/dev/null;"
                    + " true");
            // completed pods (k3s's helm jobs) have had their cgroups removed: look at the running ones
            List<Pod> systemPods = cluster.client().pods().inNamespace("kube-system").list().getItems().stream()
                    .filter(p -> "Running".equals(p.getStatus().getPhase())).toList();
            assertThat(systemPods).isNotEmpty().allSatisfy(p -> assertThat(podDirs)
                    .as("cgroup of kube-system pod %s", p.getMetadata().getName())
                    .contains("pod" + p.getMetadata().getUid()));
            assertThat(cluster.facts().memoryModel()).startsWith("physical wall: cgroup v1 parent " + parent
                    + " memory.limit_in_bytes=2Gi shared by k3s and pods, swap 0; ");
            // AND the wall read back: memory and swap limit (memsw = memory: no swap through it), judged hard
            assertThat(cluster.facts().wall()).satisfies(w -> {
                assertThat(w.hard()).as(w.describe()).isTrue();
                assertThat(w.memoryLimitBytes()).isEqualTo(TWO_GI.bytes());
                assertThat(w.swapAccounted()).isTrue();
                assertThat(w.swapLimitBytes()).isZero();
            });
            assertThat(sh(cluster, "cat " + dir + "/memory.memsw.limit_in_bytes").strip())
                    .isEqualTo(String.valueOf(TWO_GI.bytes()));

            // AND a pod on the stock JRE image runs, in the namespace Squeeze created
            assertThat(cluster.namespace()).startsWith("squeeze-");
            assertThat(K3sSmokeIT.runToCompletion(cluster.client(), cluster.namespace(), "java-version",
                    Images.defaultJreImage(), List.of("java", "-version"))).contains("25");
            // the parent is charged for k3s and the pods alike: more than kubepods alone
            long parentUsage = Long.parseLong(sh(cluster, "cat " + dir + "/memory.usage_in_bytes").strip());
            long podsUsage = Long.parseLong(sh(cluster, "cat " + dir + "/kubepods/memory.usage_in_bytes").strip());
            LOG.info("memory usage: parent {} MiB, kubepods {} MiB", parentUsage >> 20, podsUsage >> 20);
            assertThat(parentUsage).isGreaterThan(podsUsage).isLessThanOrEqualTo(TWO_GI.bytes());

            // AND the kubelet's summary is reachable through the API server, as the probes read it
            String summary = cluster.client().raw("/api/v1/nodes/" + cluster.nodeName() + "/proxy/stats/summary");
            assertThat(summary).contains("\"workingSetBytes\"").contains("\"availableBytes\"");
        }

        // THEN close removed the container and the cgroup parent
        assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec()).isEmpty();
        assertThat(Path.of("/sys/fs/cgroup/memory" + parent)).satisfies(p -> assertThat(Files.exists(p))
                .as("cgroup parent %s left behind", p).isFalse());
    }

    @Test
    void withoutAnEvictionThresholdTheKubeletHasNoMemorySignalButKeepsTheDiskOnes() throws Exception {
        NodeSpec spec = NodeSpec.ofMemory(MemorySize.parse("1Gi")).withImage(K3sSmokeIT.K3S_IMAGE)
                .withEvictionHard(MemorySize.ZERO).withKubeReserved(MemorySize.parse("300Mi"));

        try (K3sCluster cluster = K3sCluster.start(spec)) {
            LOG.info("k3s startup (1Gi, no eviction): {}", cluster.startupTimes());
            String configz = cluster.client().raw("/api/v1/nodes/" + cluster.nodeName() + "/proxy/configz");

            assertThat(configz).contains("\"nodefs.available\":\"5%\"").contains("\"imagefs.available\":\"5%\"")
                    .doesNotContain("memory.available");
            assertThat(cluster.facts().evictionThresholdBytes()).isZero();
            assertThat(cluster.facts().allocatableBytes()).isEqualTo(MemorySize.parse("724Mi").bytes());
        }
    }

    @Test
    void theHookRunsOnAReadyNodeInItsNamespaceAndItsFailureStopsTheNodeAndComesOutAsItWas() {
        // GIVEN a hook (where the extension deploys the workload) that finds the node Ready, then fails
        NodeSpec spec = NodeSpec.ofMemory(TWO_GI).withImage(K3sSmokeIT.K3S_IMAGE);
        IllegalStateException notReady = new IllegalStateException("workload pods [app=web] not Ready");
        List<String> seen = new CopyOnWriteArrayList<>();
        String[] containerId = new String[1];

        // WHEN the node starts  THEN the hook's own exception comes out, without k3s's log lines attached
        assertThatThrownBy(() -> K3sCluster.start(spec, cluster -> {
            containerId[0] = cluster.container().getContainerId();
            Node node = cluster.client().nodes().withName(cluster.nodeName()).get();
            seen.add("node Ready " + K3sReadiness.isReady(node));
            seen.add("namespace " + (cluster.client().namespaces().withName(cluster.namespace()).get() != null));
            throw notReady;
        })).isSameAs(notReady);
        assertThat(notReady.getSuppressed()).isEmpty();
        assertThat(seen).containsExactly("node Ready true", "namespace true");
        // AND the node is gone
        assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withIdFilter(List.of(containerId[0])).exec()).isEmpty();
    }

    private static long bytes(Quantity q) {
        return Quantity.getAmountInBytes(q).longValueExact();
    }

    private static String sh(K3sCluster cluster, String script) throws Exception {
        var r = cluster.container().execInContainer("sh", "-c", script);
        assertThat(r.getExitCode()).as("`%s`: %s", script, r.getStderr()).isZero();
        return r.getStdout();
    }
}
