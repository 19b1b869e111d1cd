package dev.squeeze.internal.pressure;

import dev.squeeze.internal.probe.Observations;
import dev.squeeze.internal.probe.Tick;
import dev.squeeze.report.Phase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hog's log is read with one plain GET a tick: no informer waiting for the pod first (fabric8's getLog() starts
 * one even with a zero wait, and on a thrashing node it logs a stack trace a second), and a pod not there yet is an
 * empty read, not an error.
 */
@EnableKubernetesMockClient(https = true)
class HogFollowerLogTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private static final String LOG = "/api/v1/namespaces/ns/pods/hog/log?tailLines=120";
    private static final Tick TICK = new Tick(0, Instant.now(), Phase.PRESSURE, Duration.ZERO);

    @Test
    void one_get_of_the_log_tail_per_tick_and_nothing_else() throws InterruptedException {
        server.expect().get().withPath(LOG).andReturn(200, EaterLineTest.START + "\n" + EaterLineTest.RAMP + "\n")
                .once();
        Observations observations = new Observations();

        new HogFollower(client, "ns", "hog", observations).sample(TICK);

        assertThat(observations.hog()).extracting(s -> s.eaterPhase()).containsExactly("start", "ramp");
        assertThat(server.getRequestCount()).as("requests: the log GET only (no pod list or watch)").isEqualTo(1);
        assertThat(server.getLastRequest().getPath()).isEqualTo(LOG);
    }

    @Test
    void a_pod_not_there_yet_is_an_empty_read() {
        Observations observations = new Observations();

        new HogFollower(client, "ns", "hog", observations).sample(TICK);

        assertThat(observations.hog()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
