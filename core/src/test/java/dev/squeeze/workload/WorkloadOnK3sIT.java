package dev.squeeze.workload;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.internal.cluster.K3sCluster;
import dev.squeeze.cluster.MemoryWall;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workload path on a real k3s node (here with {@link MemoryWall#ACCOUNTING_ONLY}, the other memory model), and the
 * same node attached to as an existing cluster through its kubeconfig.
 */
class WorkloadOnK3sIT {

    private static K3sCluster cluster;

    @BeforeAll
    static void startNode() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is not available: no k3s to start");
        cluster = K3sCluster.start(NodeSpec.ofMemory(MemorySize.parse("2Gi"))
                .withImage(System.getProperty("squeeze.k3s.image", Images.defaultK3sImage()))
                .withWall(MemoryWall.ACCOUNTING_ONLY).withImagesToLoad(List.of(Images.defaultJreImage())));
    }

    @AfterAll
    static void stopNode() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void accountingOnlyNodeSaysSoAndStillHasItsOwnCgroupRoot() {
        assertThat(cluster.facts().memoryModel()).startsWith("kubelet accounting only (no physical wall): kubepods"
                + " limit 1448Mi");
        assertThat(cluster.facts().kubeletArgs()).anyMatch(a -> a.startsWith("cgroup-root=/squeeze-"));
    }

    @Test
    void deploysAManifestWaitsUntilReadyAndDeletesItOnClose() {
        DeployedWorkload files = WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:dev/squeeze/workload/jwebserver.yaml")
                .withReadyTimeout(Duration.ofMinutes(1)));

        assertThat(cluster.client().pods().inNamespace(cluster.namespace()).withLabel("app", "files").list().getItems())
                .singleElement().satisfies(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));

        files.close();

        assertThat(cluster.client().apps().deployments().inNamespace(cluster.namespace()).withName("files").get())
                .isNull();
    }

    @Test
    void aWorkloadThatNeverGetsReadyFailsWithItsContainerStateAndEvents() {
        assertThatIllegalStateException()
                .isThrownBy(() -> WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:dev/squeeze/workload/crashing.yaml")
                        .withReadyTimeout(Duration.ofSeconds(20))))
                .withMessageContaining("waiting for workload pods [app=crashing] in namespace " + cluster.namespace())
                .withMessageContaining("selector app=crashing: 0/1 Ready")
                .withMessageContaining("container crashing: ")
                .withMessageContaining("Unrecognized VM option 'NoSuchSqueezeOption'")
                .withMessageContaining(" events in namespace " + cluster.namespace() + ":")
                .withMessageContaining("ReplicaSet/crashing-")
                .satisfies(e -> System.out.println("failure message as users see it:\n" + e.getMessage()));
    }

    @Test
    void theSameNodeCanBeAttachedAsAnExistingCluster(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, cluster.kubeconfig());
        String namespace;

        try (ChaosCluster existing = ChaosCluster.attach(new ExistingClusterSpec(kubeconfig, "", ""))) {
            namespace = existing.namespace();
            assertThat(existing.nodeName()).isEqualTo(cluster.nodeName());
            assertThat(existing.facts().capacityBytes()).isEqualTo(cluster.facts().capacityBytes());
            assertThat(existing.facts().allocatableBytes()).isEqualTo(cluster.facts().allocatableBytes());
            // read from the kubelet's /configz through the API server: the threshold Squeeze passed
            assertThat(existing.facts().evictionThresholdBytes()).isEqualTo(MemorySize.parse("200Mi").bytes());
            assertThat(existing.facts().memoryModel()).contains("hard eviction at memory.available<200Mi");
            assertThat(cluster.client().namespaces().withName(namespace).get()).isNotNull();
        }

        assertThat(cluster.client().namespaces().withName(namespace).get()).isNull();
    }
}
