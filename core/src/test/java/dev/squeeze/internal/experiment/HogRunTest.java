package dev.squeeze.internal.experiment;

import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.internal.kube.KubeRequest;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.internal.pressure.HogTarget;
import dev.squeeze.internal.probe.Observations;
import dev.squeeze.internal.probe.ProbeClients;
import dev.squeeze.report.HogFate;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Creating the hog: idempotent through Squeeze's own single retry, and a refusal is an error with its status. */
@EnableKubernetesMockClient(crud = true, https = true)
class HogRunTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private static final String PODS = "/api/v1/namespaces/squeeze-test/pods";
    private static final Duration LIFETIME = Duration.ofMinutes(11).plusSeconds(30);

    /**
     * The first POST of a pod gets no answer in time (504: it may well have gone through), the second meets the pod
     * the first one created: 409 AlreadyExists.
     */
    static void createdButAnswerLost(KubernetesMockServer server) {
        server.expect().post().withPath(PODS).andReturn(504, new StatusBuilder().withStatus("Failure").withCode(504)
                .withReason("Timeout").withMessage("the answer was lost").build()).once();
        server.expect().post().withPath(PODS).andReturn(409, new StatusBuilder().withStatus("Failure").withCode(409)
                .withReason("AlreadyExists").withMessage("pods \"squeeze-hog-x\" already exists").build()).once();
    }

    private HogRun hog(KubernetesClient requests) {
        HogSpec spec = HogSpec.of(HogSize.of(MemorySize.parse("512Mi")));
        var node = new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().withNewStatus()
                .addToCapacity("memory", new Quantity("2Gi")).addToAllocatable("memory", new Quantity("1Gi"))
                .endStatus().build();
        return new HogRun(requests, requests, "squeeze-test", "node-1", "HogRunTest", spec,
                HogTarget.resolve(spec, node, 2L << 30), LIFETIME, new Observations());
    }

    @Test
    void a_create_whose_answer_was_lost_is_sent_once_more_and_its_409_means_the_hog_exists() {
        createdButAnswerLost(server);
        try (KubernetesClient requests = ProbeClients.withoutRetries(client, Duration.ofSeconds(5))) {
            HogRun hog = hog(requests);

            hog.create();

            assertThat(hog.fate.verdict()).as("never REJECTED for a hog that runs").isEmpty();
            assertThat(server.getRequestCount()).as("requests: the ConfigMap, then two POSTs of the pod").isEqualTo(3);
        }
    }

    @Test
    void the_hog_pod_has_a_lifetime_so_the_kubelet_stops_it_when_nobody_is_left_to_delete_it() {
        try (KubernetesClient requests = ProbeClients.withoutRetries(client, Duration.ofSeconds(5))) {
            HogRun hog = hog(requests);

            hog.create();

            assertThat(client.pods().inNamespace("squeeze-test").withName(hog.podName).get().getSpec()
                    .getActiveDeadlineSeconds()).as("activeDeadlineSeconds").isEqualTo(690L);
        }
    }

    @Test
    void the_lifetime_is_the_phases_at_their_limits_plus_a_margin() {
        ExperimentSpec spec = ExperimentSpec.of("Lifetime", HogSpec.of(HogSize.of(MemorySize.parse("512Mi")))
                .withHold(Duration.ofSeconds(60))).withRampTimeout(Duration.ofMinutes(2))
                .withRecovery(Duration.ofMinutes(4), Duration.ofSeconds(15));

        assertThat(HogRun.lifetime(spec)).isEqualTo(Duration.ofMinutes(2 + 1 + 4 + 5));
    }

    @Test
    void a_409_on_the_first_attempt_is_someone_else_s_object_and_an_error() {
        try (KubernetesClient requests = ProbeClients.withoutRetries(client, Duration.ofSeconds(5))) {
            HogRun hog = hog(requests);
            client.configMaps().inNamespace("squeeze-test").resource(new io.fabric8.kubernetes.api.model
                    .ConfigMapBuilder().withNewMetadata().withName(hog.configMapName).endMetadata().build()).create();

            KubeRequest.Refused e = catchThrowableOfType(KubeRequest.Refused.class, hog::create);

            assertThat(e.code()).isEqualTo(409);
            assertThat(e).hasMessageStartingWith("the API server refused Squeeze's request `create configmaps "
                    + "squeeze-test/" + hog.configMapName + "`: HTTP 409");
        }
    }

    @Test
    void a_refused_hog_is_rejected_and_the_refusal_propagates() {
        server.expect().post().withPath(PODS).andReturn(422, failure(422, "Invalid",
                "Pod \"x\" is invalid: spec.priorityClassName: Invalid value")).once();
        try (KubernetesClient requests = ProbeClients.withoutRetries(client, Duration.ofSeconds(5))) {
            HogRun hog = hog(requests);

            KubeRequest.Refused e = catchThrowableOfType(KubeRequest.Refused.class, hog::create);

            assertThat(e.code()).isEqualTo(422);
            assertThat(e.request().describe()).isEqualTo("create pods squeeze-test/" + hog.podName);
            assertThat(hog.fate.verdict()).hasValueSatisfying(v -> {
                assertThat(v.fate()).isEqualTo(HogFate.REJECTED);
                assertThat(v.reason()).contains("spec.priorityClassName: Invalid value (HTTP 422)");
            });
        }
    }

    /** A Status the API server answers a failed request with. */
    private static Status failure(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
    }

    @Test
    void a_hog_delete_the_api_server_does_not_answer_is_sent_again_until_it_goes_through() {
        // a thrashing node: its API server fails the first two deletes (503), then answers
        try (KubernetesClient requests = ProbeClients.withoutRetries(client, Duration.ofSeconds(5))) {
            HogRun hog = hog(requests);
            hog.create();
            server.expect().delete().withPath(PODS + "/" + hog.podName).andReturn(503, failure(503,
                    "ServiceUnavailable", "the server is currently unable to handle the request")).times(2);

            assertThat(hog.deletedYet()).as("first delete: no answer").isEmpty();
            assertThat(hog.deletionState()).startsWith("the API server has not answered the hog's delete (1 attempts");
            assertThat(hog.deletedYet()).as("second delete: no answer").isEmpty();
            assertThat(hog.deletedYet()).as("third delete goes through, and the pod is gone").contains("hog deleted");
            assertThat(hog.deletionState()).contains("after 2 unanswered attempts");
        }
    }

    @Test
    void a_refused_hog_delete_is_an_error_not_a_wait() {
        try (KubernetesClient requests = ProbeClients.withoutRetries(client, Duration.ofSeconds(5))) {
            HogRun hog = hog(requests);
            hog.create();
            server.expect().delete().withPath(PODS + "/" + hog.podName).andReturn(403, failure(403, "Forbidden",
                    "pods is forbidden: User \"ci\" cannot delete resource \"pods\"")).once();

            KubeRequest.Refused e = catchThrowableOfType(KubeRequest.Refused.class, hog::deletedYet);

            assertThat(e.code()).isEqualTo(403);
        }
    }
}
