package dev.squeeze.workload;

import dev.squeeze.internal.workload.Manifests;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.kube.SqueezeMockKube;
import dev.squeeze.report.ClusterFacts;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WorkloadDeployTest {

    private static final String NS = "squeeze-test1";

    private SqueezeMockKube kube;
    private KubernetesClient client;
    private ChaosCluster cluster;

    @BeforeEach
    void startMockServer() {
        kube = new SqueezeMockKube();
        client = kube.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        cluster = new StubCluster(client);
    }

    @AfterEach
    void stopMockServer() {
        deploymentController.shutdownNow();
        kube.close();
    }

    /** The mock's stand-in for the Deployment controller: reports {@code spec.replicas} updated, ready, available. */
    private final ScheduledExecutorService deploymentController = Executors.newSingleThreadScheduledExecutor();

    private void rollOutDeployments() {
        deploymentController.scheduleWithFixedDelay(() -> {
            try {
                for (Deployment d : client.apps().deployments().inNamespace(NS).list().getItems()) {
                    int n = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                    if (d.getStatus() == null || !Integer.valueOf(n).equals(d.getStatus().getAvailableReplicas())) {
                        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                                .withReplicas(n).withUpdatedReplicas(n).withReadyReplicas(n).withAvailableReplicas(n)
                                .build());
                        client.apps().deployments().inNamespace(NS).resource(d).updateStatus();
                    }
                }
            } catch (RuntimeException e) {
                // the next round tries again
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
    }

    private void pod(String name, boolean ready, String waitingReason) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .addToLabels("app", "web").endMetadata()
                .withNewStatus().withPhase(ready ? "Running" : "Pending")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .withReason(ready ? null : "ContainersNotReady").endCondition().endStatus();
        if (waitingReason != null) {
            b.editStatus().addNewContainerStatus().withName("web").withRestartCount(4).withNewState().withNewWaiting()
                    .withReason(waitingReason).withMessage("back-off 40s restarting failed container").endWaiting()
                    .endState().endContainerStatus().endStatus();
        }
        Pod pod = b.build();
        client.pods().inNamespace(NS).resource(pod).create();
    }

    @Test
    void appliesIntoTheClustersNamespaceWaitsForReadyAndDeletesOnClose() {
        pod("web-1", true, null);
        rollOutDeployments();

        DeployedWorkload web = WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:dev/squeeze/workload/web.yaml")
                .withReadyTimeout(Duration.ofSeconds(5)));

        assertThat(web.objects()).extracting(o -> o.getMetadata().getNamespace()).containsOnly(NS);
        assertThat(client.apps().deployments().inNamespace(NS).withName("web").get()).isNotNull();
        assertThat(client.services().inNamespace(NS).withName("web").get()).isNotNull();

        web.close();
        web.close();

        assertThat(client.apps().deployments().inNamespace(NS).withName("web").get()).isNull();
        assertThat(client.services().inNamespace(NS).withName("web").get()).isNull();
    }

    @Test
    void aDeploymentWhoseControllerHasNotRolledItOutIsAwaitedEvenWithItsPodsReady() {
        // GIVEN a Ready pod of the Deployment, but no Deployment controller to report the rollout
        pod("web-1", true, null);

        // WHEN/THEN the wait times out on the Deployment, with its last observed state
        assertThatIllegalStateException()
                .isThrownBy(() -> WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:dev/squeeze/workload/web.yaml")
                        .withReadyTimeout(Duration.ofMillis(600))))
                .withMessageContaining("to be Ready and [Deployment/web] to roll out")
                .withMessageContaining("Last observed state:\n  Deployment web: ");
    }

    @Test
    void derivesTheReadySelectorFromTheDeployment() {
        assertThat(WorkloadDeployer.derivedSelectors(List.copyOf(Manifests.load(client,
                "classpath:dev/squeeze/workload/web.yaml")))).containsExactly("app=web");
    }

    @Test
    void aTimeoutShowsPodStatesAndRecentEventsThenCleansUp() {
        pod("web-1", false, "CrashLoopBackOff");
        client.v1().events().inNamespace(NS).resource(new EventBuilder().withNewMetadata().withName("e1")
                .withNamespace(NS).endMetadata().withType("Warning").withReason("BackOff")
                .withMessage("Back-off restarting failed container web").withLastTimestamp("2026-01-01T00:00:00Z")
                .withNewInvolvedObject().withKind("Pod").withName("web-1").endInvolvedObject().build()).create();

        assertThatIllegalStateException()
                .isThrownBy(() -> WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:dev/squeeze/workload/web.yaml")
                        .withReadySelectors(List.of("app=web")).withReadyTimeout(Duration.ofMillis(600))))
                .withMessageStartingWith("Timed out after ")
                .withMessageContaining("waiting for workload pods [app=web] in namespace " + NS + " to be Ready")
                .withMessageContaining("selector app=web: 0/1 Ready")
                .withMessageContaining("pod web-1: phase Pending, not Ready (Ready ContainersNotReady)")
                .withMessageContaining("container web: waiting CrashLoopBackOff 'back-off 40s restarting failed"
                        + " container', restarts 4")
                .withMessageContaining("last 1 events in namespace " + NS + ":\n    2026-01-01T00:00:00Z Warning"
                        + " BackOff Pod/web-1: Back-off restarting failed container web")
                .withMessageEndingWith("Fix the workload, or raise `readyTimeout` if it is just slow to start.");
        assertThat(client.apps().deployments().inNamespace(NS).withName("web").get()).isNull();
    }

    @Test
    void aSelectorWithoutPodsIsShownAsSuch() {
        assertThatIllegalStateException()
                .isThrownBy(() -> WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:dev/squeeze/workload/web.yaml")
                        .withReadySelectors(List.of("app=other")).withReadyTimeout(Duration.ofMillis(300))))
                .withMessageContaining("selector app=other: no pods yet");
    }

    @Test
    void badManifestsFailBeforeAnythingIsApplied() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkloadDeployer.deploy(cluster, WorkloadSpec.of("classpath:dev/squeeze/workload/web.yaml",
                        "classpath:nope.yaml")))
                .withMessageContaining("'classpath:nope.yaml' is not on the classpath");
        assertThat(client.apps().deployments().inNamespace(NS).list().getItems()).isEmpty();
    }

    private record StubCluster(KubernetesClient client) implements ChaosCluster {
        @Override
        public String namespace() {
            return NS;
        }

        @Override
        public String nodeName() {
            return "node";
        }

        @Override
        public ClusterFacts facts() {
            return null;
        }

        @Override
        public void loadImages(List<String> images) {
        }

        @Override
        public void close() {
        }
    }
}
