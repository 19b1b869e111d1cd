package dev.squeeze.internal.probe;

import dev.squeeze.probe.HttpProbeSpec;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(https = true)
class ApiServerProbeTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    /** Timeouts are not under test here; a loaded CI host must not turn a slow first handshake into a failure. */
    private static final Duration GENEROUS = Duration.ofSeconds(15);
    private static final Tick TICK = new Tick(3, Instant.now(), Phase.HOLD, Duration.ZERO);

    @Test
    void records_fresh_readyz_and_pooled_get_in_one_sample() throws Exception {
        server.expect().get().withPath("/readyz").andReturn(200, "ok").once();
        server.expect().get().withPath("/api/v1/namespaces/squeeze/pods?limit=1")
                .andReturn(200, new PodListBuilder().build()).once();
        Observations seen = new Observations();

        new ApiServerProbe(client, "squeeze", GENEROUS, seen).sample(TICK);

        assertThat(seen.api()).singleElement().satisfies(s -> {
            assertThat(s.phase()).isEqualTo(Phase.HOLD);
            assertThat(s.fresh().ok()).as("%s", s.fresh()).isTrue();
            assertThat(s.pooled().ok()).as("%s", s.pooled()).isTrue();
        });
    }

    @Test
    void a_failing_pooled_get_is_a_failure_with_its_status() throws Exception {
        server.expect().get().withPath("/readyz").andReturn(200, "ok").once();
        server.expect().get().withPath("/api/v1/namespaces/squeeze/pods?limit=1")
                .andReturn(500, "etcdserver: request timed out").always();
        Observations seen = new Observations();

        new ApiServerProbe(ProbeClients.withoutRetries(client), "squeeze", GENEROUS, seen).sample(TICK);

        ApiSample s = seen.api().get(0);
        assertThat(s.fresh().ok()).isTrue();
        assertThat(s.pooled()).isInstanceOfSatisfying(ProbeOutcome.Failure.class, f -> assertThat(f.error())
                .contains("500").contains("etcdserver: request timed out"));
    }

    @Test
    void http_probe_reports_a_bad_gateway_from_the_service_proxy() throws Exception {
        String path = "/api/v1/namespaces/squeeze/services/web:8080/proxy/healthz";
        server.expect().get().withPath(path).andReturn(200, "up").once();
        server.expect().get().withPath(path)
                .andReturn(502, "Error trying to reach service: dial tcp 10.42.0.9:8080: connect: connection refused")
                .always();
        Observations seen = new Observations();
        ServiceHttpProbe probe = new ServiceHttpProbe(ProbeClients.withoutRetries(client), "squeeze", new HttpProbeSpec("web", 8080, "/healthz"),
                GENEROUS, seen);

        probe.sample(TICK);
        probe.sample(TICK);

        assertThat(seen.http()).extracting(HttpSample::outcome).extracting(ProbeOutcome::ok).as("%s", seen.http())
                .containsExactly(true, false);
        assertThat(seen.http().get(1).outcome()).isInstanceOfSatisfying(ProbeOutcome.Failure.class, f -> assertThat(f.error())
                .isEqualTo("HTTP 502 Bad Gateway from GET " + path
                        + ": Error trying to reach service: dial tcp 10.42.0.9:8080: connect: connection refused"));
    }
}
