package dev.squeeze.internal.probe;

import dev.squeeze.report.ProbeOutcome;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FreshReadyzTest {

    @TempDir
    Path dir;
    private TlsTestServer server;
    private FreshReadyz readyz;

    @BeforeEach
    void start() throws Exception {
        server = new TlsTestServer(dir);
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://localhost:" + server.port())
                .withCaCertData(server.caPemBase64).withOauthToken("s3cret").build();
        readyz = new FreshReadyz(config, Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void every_check_opens_a_new_connection_with_a_full_tls_handshake() {
        ProbeOutcome first = readyz.check();
        ProbeOutcome second = readyz.check();
        ProbeOutcome third = readyz.check();

        assertThat(first.ok()).as("%s", first).isTrue();
        assertThat(second.ok()).isTrue();
        assertThat(third.ok()).isTrue();
        assertThat(((ProbeOutcome.Success) first).status()).isEqualTo(200);
        assertThat(server.handshakes).hasValue(3);
        assertThat(server.requests).hasSize(3).allSatisfy(headers -> assertThat(headers)
                .contains("GET /readyz HTTP/1.1", "Authorization: Bearer s3cret", "Connection: close"));
    }

    @Test
    void a_failing_readyz_reports_the_failed_check() {
        server.status = 500;
        server.body = "[+]ping ok\n[-]etcd failed: reason withheld\nreadyz check failed\n";

        ProbeOutcome outcome = readyz.check();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class, f -> assertThat(f.error())
                .isEqualTo("HTTP 500 from /readyz: [-]etcd failed: reason withheld"));
    }

    @Test
    void a_server_that_never_answers_the_handshake_is_a_handshake_timeout() {
        server.hangBeforeHandshake = true;

        ProbeOutcome outcome = readyz.check();

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class, f -> assertThat(f.error())
                .startsWith("TLS handshake timeout after 1.5s"));
        assertThat(outcome.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void nobody_listening_is_connection_refused() throws Exception {
        // a bound socket that never listens holds the port: a closed server's port could be taken by another test's
        // server meanwhile (unit tests run in two forks), this one cannot
        try (java.net.Socket holder = new java.net.Socket()) {
            holder.bind(new java.net.InetSocketAddress("localhost", 0));
            int port = holder.getLocalPort();

            ProbeOutcome outcome = new FreshReadyz(new ConfigBuilder(Config.empty())
                    .withMasterUrl("https://localhost:" + port).withCaCertData(server.caPemBase64).build(),
                    Duration.ofSeconds(1)).check();

            assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Failure.class, f -> assertThat(f.error())
                    .isEqualTo("connection refused by localhost:" + port));
        }
    }
}
