package dev.squeeze.internal.probe;

import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PressureStall;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall's reads (docker exec on cgroup v2) run on their own budget, off the node-sample path: a read that hangs
 * makes the wall's readings unavailable for the tick, and the node sample (Ready, the API's view) is still taken.
 */
@EnableKubernetesMockClient(crud = true, https = true)
class NodeProbeSlowWallTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger reads = new AtomicInteger();

    /** A wall whose exec never answers until the test ends. */
    private final NodeMemorySource hangingWall = new NodeMemorySource() {
        @Override
        public Reading read() {
            reads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Reading(1L, "late");
        }

        @Override
        public PressureStall pressure() {
            return PressureStall.unavailable("late");
        }
    };

    @AfterEach
    void releaseTheHangingRead() {
        release.countDown();
    }

    @Test
    @Timeout(30) // guards a hang only: before the wall had its own budget, the sample waited for the exec forever
    void aHangingWallReadIsUnavailableForTheTickAndTheNodeSampleIsStillTaken() throws Exception {
        // GIVEN a Ready node and a wall read that does not answer
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-node").endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build()).create();
        Observations seen = new Observations();
        NodeProbe probe = new NodeProbe(client, "k3s-node", 0, Duration.ofSeconds(5), seen, () -> "", hangingWall,
                Duration.ofMillis(200));

        // WHEN two ticks sample the node
        probe.sample(new Tick(0, Instant.now(), Phase.PRESSURE, Duration.ZERO));
        probe.sample(new Tick(1, Instant.now(), Phase.PRESSURE, Duration.ZERO));

        // THEN both node samples are observed and Ready; the wall's readings are unavailable, saying why
        NodeSample first = seen.node().get(0);
        NodeSample second = seen.node().get(1);
        assertThat(first.observed()).isTrue();
        assertThat(first.ready()).isTrue();
        assertThat(first.wallWorkingSetBytes()).isNull();
        assertThat(first.wallSource()).isEqualTo("unavailable: the wall's reads (docker exec in the k3s container) did"
                + " not answer within 0.2s (a full wall slows them); the node sample went on without them");
        assertThat(first.psi().available()).isFalse();
        assertThat(first.psi().unavailableReason()).startsWith("the wall's reads (docker exec in the k3s container)");
        // the second tick does not pile a second exec on the one still running
        assertThat(second.observed()).isTrue();
        assertThat(second.wallSource()).startsWith("unavailable: the wall's reads of an earlier tick");
        assertThat(reads).hasValue(1);
    }
}
