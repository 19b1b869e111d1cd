package dev.squeeze.internal.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 3's smoke test: Testcontainers' stock {@link K3sContainer}, untouched, starts on this Docker host, its node
 * becomes Ready, and pods run the stock JRE image and a locally built image side-loaded into containerd.
 */
class K3sSmokeIT {

    private static final Logger LOG = LoggerFactory.getLogger(K3sSmokeIT.class);
    static final String K3S_IMAGE = System.getProperty("squeeze.k3s.image", Images.defaultK3sImage());
    static final String LOCAL_IMAGE = "squeeze-smoke:local";

    @BeforeAll
    static void dockerIsThere() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is not available: no k3s to start");
    }

    @Test
    void stockK3sRunsTheJreImageAndASideLoadedLocalImage(@TempDir Path context) throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        Files.writeString(context.resolve("Dockerfile"), "FROM " + Images.defaultJreImage() + "\n"
                + "ENV SQUEEZE_SMOKE=local\nCMD [\"java\", \"-XshowSettings:properties\", \"-version\"]\n");
        docker.buildImageCmd(context.toFile()).withTags(Set.of(LOCAL_IMAGE)).withPull(false)
                .exec(new BuildImageResultCallback()).awaitImageId(2, TimeUnit.MINUTES);

        long t0 = System.nanoTime();
        try (K3sContainer k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE)
                .asCompatibleSubstituteFor("rancher/k3s"))) {
            k3s.start();
            long started = System.nanoTime();
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build()) {
                client.nodes().informOnCondition(nodes -> nodes.stream().anyMatch(Readiness::isNodeReady))
                        .get(2, TimeUnit.MINUTES);
                LOG.info("stock k3s: container started after {} ms, node Ready after {} ms",
                        (started - t0) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
                // the controller-manager creates the namespace's default ServiceAccount a moment after node Ready;
                // pods are refused until it exists
                client.serviceAccounts().inNamespace("default").withName("default")
                        .waitUntilCondition(Objects::nonNull, 2, TimeUnit.MINUTES);

                K3sImageLoader.load(docker, k3s, List.of(Images.defaultJreImage(), LOCAL_IMAGE), LOG);

                assertThat(runToCompletion(client, "jre", Images.defaultJreImage(), List.of("java", "-version")))
                        .contains("25");
                assertThat(runToCompletion(client, "local", LOCAL_IMAGE, List.of()))
                        .contains("java.version = 25");
            }
        }
    }

    static String runToCompletion(KubernetesClient client, String name, String image, List<String> command) {
        return runToCompletion(client, "default", name, image, command);
    }

    static String runToCompletion(KubernetesClient client, String namespace, String name, String image,
                                  List<String> command) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName(name).withImage(image).withImagePullPolicy("Never")
                .withCommand(command.isEmpty() ? null : command).endContainer().endSpec().build();
        client.pods().inNamespace(namespace).resource(pod).create();
        Pod done;
        try {
            done = client.pods().inNamespace(namespace).withName(name).waitUntilCondition(p -> p != null
                    && p.getStatus() != null && Set.of("Succeeded", "Failed").contains(p.getStatus().getPhase()),
                    2, TimeUnit.MINUTES);
        } catch (KubernetesClientException e) {
            throw new AssertionError("pod " + name + " on " + image + " did not finish; " + nodeConditions(client), e);
        }
        // java -version writes to stderr, which the container log carries as well
        String log = client.pods().inNamespace(namespace).withName(name).getLog();
        LOG.info("pod {} on {}: {}\n{}", name, image, done.getStatus().getPhase(), log);
        assertThat(done.getStatus().getPhase()).as("phase of pod %s on %s; log:%n%s", name, image, log)
                .isEqualTo("Succeeded");
        // a kubelet under DiskPressure removes a finished pod's container at once, and its log with it: stock k3s
        // evicts below 15% free on imagefs/nodefs (its kubelet defaults), so a fuller host disk ends up here
        assertThat(log).as("log of pod %s on %s; %s", name, image, nodeConditions(client))
                .doesNotStartWith("unable to retrieve container logs");
        return log;
    }

    /** The conditions that are not as they should be on a healthy node, for a failure message. */
    private static String nodeConditions(KubernetesClient client) {
        return "node conditions: " + client.nodes().list().getItems().stream()
                .flatMap(n -> n.getStatus().getConditions().stream())
                .filter(c -> "Ready".equals(c.getType()) != "True".equals(c.getStatus()))
                .map(c -> c.getType() + "=" + c.getStatus() + " (" + c.getMessage() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("all healthy");
    }
}
