package dev.squeeze.internal.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A controller has rolled out as {@code kubectl rollout status} and {@code helm --wait} say it has. */
class RolloutsTest {

    /** A Deployment as the API server returns it: {@code replicas} defaulted to 1 when the manifest had none. */
    private static Deployment deployment(Integer replicas, int updated, int ready, int available, int current) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec()
                .withNewStatus().withObservedGeneration(1L).withReplicas(current).withUpdatedReplicas(updated)
                .withReadyReplicas(ready).withAvailableReplicas(available).endStatus().build();
    }

    @Test
    void a_deployment_without_replicas_waits_for_its_hpas_min_replicas() {
        // GIVEN a Deployment without `replicas` (the API defaults it to 1) whose one pod is available, and an
        // autoscaling/v2 HPA on it with minReplicas 2 (the HPA controller adds the second pod on its first sync)
        Deployment web = deployment(1, 1, 1, 1, 1);
        List<HasMetadata> manifests = List.of(web, new HorizontalPodAutoscalerBuilder().withNewMetadata()
                .withName("web").endMetadata().withNewSpec().withMinReplicas(2).withMaxReplicas(4)
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("web")
                .endScaleTargetRef().endSpec().build());

        // WHEN the rollout is judged with the HPA's minimum
        int min = Rollouts.hpaMinimums(manifests).getOrDefault(Rollouts.key(web), 0);

        // THEN it is not rolled out until two replicas are available
        assertThat(min).isEqualTo(2);
        assertThat(Rollouts.pending(web, min)).hasValue("Deployment web: 1 of 2 replicas updated, 1 ready, 1 available");
        assertThat(Rollouts.pending(deployment(1, 2, 2, 2, 2), min)).isEmpty();
    }

    @Test
    void a_deployment_waits_for_its_controller_readiness_and_old_replicas() {
        Deployment unobserved = new DeploymentBuilder(deployment(2, 2, 2, 2, 2)).editMetadata().withGeneration(2L)
                .endMetadata().build();

        assertThat(Rollouts.pending(unobserved, 0)).hasValue("Deployment web: waiting for its controller to observe"
                + " generation 2 (observed 1)");
        assertThat(Rollouts.pending(deployment(2, 2, 1, 1, 2), 0))
                .hasValue("Deployment web: 2 of 2 replicas updated, 1 ready, 1 available");
        assertThat(Rollouts.pending(deployment(2, 2, 2, 2, 3), 0))
                .hasValue("Deployment web: 1 old replicas pending termination (2 of 2 updated)");
        assertThat(Rollouts.pending(new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1).endSpec().build(), 0)).hasValue("Deployment web: no status yet");
    }

    @Test
    void statefulsets_and_daemonsets_count_their_own_fields() {
        var db = new StatefulSetBuilder().withNewMetadata().withName("db").endMetadata().withNewSpec().withReplicas(3)
                .endSpec().withNewStatus().withReplicas(3).withUpdatedReplicas(3).withReadyReplicas(2)
                .withAvailableReplicas(2).endStatus().build();
        var agent = new DaemonSetBuilder().withNewMetadata().withName("agent").endMetadata().withNewStatus()
                .withDesiredNumberScheduled(1).withCurrentNumberScheduled(1).withUpdatedNumberScheduled(1)
                .withNumberReady(1).withNumberAvailable(1).endStatus().build();

        assertThat(Rollouts.pending(db, 0)).hasValue("StatefulSet db: 3 of 3 replicas updated, 2 ready, 2 available");
        assertThat(Rollouts.pending(agent, 0)).isEmpty();
    }
}
