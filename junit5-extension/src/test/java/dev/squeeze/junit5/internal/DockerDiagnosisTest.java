package dev.squeeze.junit5.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-line cause shown when Docker is missing, instead of Testcontainers' "Will not retry". */
class DockerDiagnosisTest {

    @Test
    void namesAMissingSocket() {
        assertThat(DockerDiagnosis.of("unix:///nonexistent.sock")).isEqualTo("DOCKER_HOST is unix:///nonexistent.sock,"
                + " but /nonexistent.sock does not exist (is the Docker daemon installed and running?)");
    }

    @Test
    void namesTheDefaultSocketWhenDockerHostIsUnset() {
        assertThat(DockerDiagnosis.of(null)).startsWith("DOCKER_HOST is unset, so Docker is looked for at"
                + " unix:///var/run/docker.sock, but ");
    }

    @Test
    void namesASocketNobodyListensOn(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("docker.sock"));

        assertThat(DockerDiagnosis.of("unix://" + file)).startsWith("DOCKER_HOST is unix://" + file
                + ", but connecting to " + file + " failed: ");
    }

    @Test
    void namesATcpPortNobodyListensOn() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        assertThat(DockerDiagnosis.of("tcp://127.0.0.1:" + port)).startsWith("DOCKER_HOST is tcp://127.0.0.1:" + port
                + ", but connecting to 127.0.0.1:" + port + " failed: ");
    }
}
