package dev.squeeze.junit5.it;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workload as a new user brings one: a Deployment without {@code replicas} plus an HPA with {@code minReplicas: 2},
 * exec readiness and liveness probes, on an image built on this machine and side-loaded into the node
 * ({@code @ChaosNode(loadImages)}; there is no registry). Squeeze must wait for the HPA's two replicas before steady
 * state, as {@code kubectl rollout status} would, so the second pod does not start during PRESSURE.
 */
@ExtendWith(AutoscaledWorkloadIT.BuildsProbedImage.class) // before @ChaosNode: the image must exist when the node loads it
@ChaosNode(memory = "2Gi", loadImages = AutoscaledWorkloadIT.IMAGE)
@Workload(manifests = "classpath:it/autoscaled.yaml", readySelectors = "app=probed")
class AutoscaledWorkloadIT {

    static final String IMAGE = "squeeze-it/probed:1";

    @Test
    @MemoryHog(size = "30%", rate = "200Mi/s", hold = "2s", recoveryWindow = "5s")
    void theHpasMinReplicasAreReadyThroughoutSteadyState(ChaosReport report) {
        // GIVEN/WHEN the default steadyState after the workload was awaited
        Map<Instant, List<PodSample>> steadyTicks = report.pods().stream()
                .filter(p -> p.role() == PodRole.WORKLOAD && p.phase() == Phase.STEADY_STATE)
                .collect(Collectors.groupingBy(PodSample::at, TreeMap::new, Collectors.toList()));

        // THEN every steady-state sample saw both of the HPA's replicas, Ready
        assertThat(steadyTicks).as("pod samples taken in STEADY_STATE").isNotEmpty();
        steadyTicks.forEach((at, pods) -> assertThat(pods).as("app=probed pods at %s", at).hasSize(2)
                .allMatch(PodSample::ready));
        assertThat(report).workloadPods().stayedReady();
        // the locally built image ran with its exec probes, and nothing restarted it (the liveness probe held)
        assertThat(report.pods()).filteredOn(p -> p.role() == PodRole.WORKLOAD).allMatch(p -> p.restarts() == 0);
        // the HPA's metric warnings, if any were seen, are explained once
        long warnings = report.events().stream().filter(e -> e.reason().equals("FailedGetResourceMetric")).count();
        assertThat(report.notes().stream().filter(n -> n.contains("metrics.k8s.io")).count())
                .as("notes explaining %s FailedGetResourceMetric warnings", warnings).isEqualTo(warnings > 0 ? 1 : 0);
    }

    /** Builds {@link #IMAGE} offline: the local JRE image (it has busybox's sh) plus the readiness script. */
    static final class BuildsProbedImage implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return; // @ChaosNode then says why it cannot start a node
            }
            Path dir = Files.createTempDirectory("squeeze-probed-image");
            Files.writeString(dir.resolve("ready.sh"), "#!/bin/sh\ntest -f /tmp/probed/started\n");
            Files.writeString(dir.resolve("Dockerfile"), "FROM " + Images.defaultJreImage() + "\n"
                    + "COPY ready.sh /usr/local/bin/ready.sh\n");
            try {
                DockerClientFactory.instance().client().buildImageCmd(dir.toFile()).withTags(Set.of(IMAGE))
                        .withPull(false).exec(new BuildImageResultCallback()).awaitImageId(2, TimeUnit.MINUTES);
            } finally {
                for (String f : List.of("ready.sh", "Dockerfile")) {
                    Files.deleteIfExists(dir.resolve(f));
                }
                Files.deleteIfExists(dir);
            }
        }
    }
}
