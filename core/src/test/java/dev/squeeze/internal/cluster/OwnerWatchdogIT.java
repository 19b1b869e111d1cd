package dev.squeeze.internal.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The owner watchdog for real, without k3s: a container whose PID 1 stops on SIGTERM stands in for the node. An owner
 * JVM killed with SIGKILL (a child JVM here) gets its node stopped and marked; a node stopped any other way is not
 * marked, so no later run could take it for an orphan.
 */
class OwnerWatchdogIT {

    private final DockerClient docker = DockerClientFactory.instance().client();
    private final List<String> started = new ArrayList<>();

    @BeforeAll
    static void dockerIsThere() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is not available");
    }

    @AfterEach
    void removeContainers() {
        started.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
    }

    /** A stand-in node: busybox sh as PID 1 that exits on SIGTERM, as k3s does. */
    private String node() {
        String id = docker.createContainerCmd(Images.defaultJreImage()).withEntrypoint("sh", "-c",
                "trap 'exit 0' TERM; while :; do sleep 1; done").withCmd(List.of())
                .withLabels(java.util.Map.of("dev.squeeze.test", "owner-watchdog")).exec().getId();
        started.add(id);
        docker.startContainerCmd(id).exec();
        return id;
    }

    private int awaitExit(String id) {
        // guarded by the test's @Timeout, not a timed assertion
        return docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void a_node_whose_owner_jvm_is_killed_is_stopped_and_marked() throws Exception {
        // GIVEN a node watched by another JVM
        String id = node();
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process owner = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                OwnerWatchdogIT.class.getName() + "$OwnerJvm", id).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            StringBuilder said = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("attached")) {
                said.append(line).append('\n');
            }
            assertThat(line).as("the owner JVM said:%n%s", said).isEqualTo("attached");
            assertThat(OwnerWatchdog.fired(docker, id)).as("marked while its owner lives").isFalse();

            // WHEN that JVM is killed with SIGKILL
            owner.destroyForcibly().waitFor();
        }

        // THEN its watchdog stops the node and leaves the marker a later run reads
        assertThat(awaitExit(id)).isZero();
        assertThat(OwnerWatchdog.fired(docker, id)).isTrue();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void a_node_stopped_while_its_owner_lives_is_not_marked() {
        String id = node();
        try (OwnerWatchdog watchdog = OwnerWatchdog.attach(docker, id, Duration.ofSeconds(30))) {
            docker.killContainerCmd(id).exec();
            awaitExit(id);

            assertThat(OwnerWatchdog.fired(docker, id)).isFalse();
        }
    }

    /** The owner JVM: attaches the watchdog, says so, and waits to be killed. */
    static final class OwnerJvm {
        public static void main(String[] args) throws InterruptedException {
            OwnerWatchdog.attach(DockerClientFactory.instance().client(), args[0], Duration.ofSeconds(30));
            System.out.println("attached");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
