package dev.squeeze.internal.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ManifestsLoadingTest {

    // parsing is local: the client never connects
    private static final KubernetesClient CLIENT = new KubernetesClientBuilder().build();

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void loadsEveryDocumentOfAClasspathManifest() {
        List<HasMetadata> objects = Manifests.load(CLIENT, "classpath:dev/squeeze/workload/web.yaml");

        assertThat(objects).extracting(HasMetadata::getKind, o -> o.getMetadata().getName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Deployment", "web"),
                        org.assertj.core.groups.Tuple.tuple("Service", "web"));
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isNull());
    }

    @Test
    void aLeadingSlashAfterClasspathIsAccepted() {
        assertThat(Manifests.load(CLIENT, "classpath:/dev/squeeze/workload/web.yaml")).hasSize(2);
    }

    @Test
    void loadsAFileAndSeveralReferencesInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cm.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n");

        List<HasMetadata> objects = Manifests.load(CLIENT,
                List.of(file.toString(), "classpath:dev/squeeze/workload/web.yaml"));

        assertThat(objects).extracting(HasMetadata::getKind).containsExactly("ConfigMap", "Deployment", "Service");
    }

    @Test
    void aMissingClasspathResourceSaysWhereToPutIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Manifests.load(CLIENT, "classpath:k8s/missing.yaml"))
                .withMessage("`manifests` entry 'classpath:k8s/missing.yaml' is not on the classpath; put the file at"
                        + " src/test/resources/k8s/missing.yaml (or src/main/resources) or use a file path");
    }

    @Test
    void aMissingFileShowsTheResolvedPath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Manifests.load(CLIENT, "k8s/missing.yaml"))
                .withMessageStartingWith("`manifests` entry 'k8s/missing.yaml' is not a file (resolved to "
                        + Path.of("k8s/missing.yaml").toAbsolutePath() + "); use a path relative to ");
    }

    @Test
    void unparseableYamlNamesTheManifestAndHowToCheckIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Manifests.load(CLIENT, "classpath:dev/squeeze/workload/broken.yaml"))
                .withMessageStartingWith("`manifests` entry 'classpath:dev/squeeze/workload/broken.yaml' is not valid"
                        + " Kubernetes YAML: ")
                .withMessageEndingWith("; check it with `kubectl apply --dry-run=client -f <file>`");
    }

    @Test
    void aManifestWithoutObjectsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Manifests.load(CLIENT, "classpath:dev/squeeze/workload/empty.yaml"))
                .withMessage("`manifests` entry 'classpath:dev/squeeze/workload/empty.yaml' contains no Kubernetes"
                        + " objects; give it at least one document with apiVersion, kind and metadata.name");
    }

    @Test
    void aBlankReferenceIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Manifests.load(CLIENT, " "))
                .withMessageStartingWith("`manifests` entry must not be blank");
    }

    @Test
    void parsingNeedsNoClientAndNamesTheLineOfAYamlError(@TempDir Path dir) throws java.io.IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n    bad: indent\n");

        assertThatIllegalArgumentException().isThrownBy(() -> Manifests.parse(file.toString()))
                .withMessage("`manifests` entry '" + file + "' is not valid Kubernetes YAML: mapping values are not"
                        + " allowed here at line 5, column 8; check it with `kubectl apply --dry-run=client -f <file>`");
    }

    @Test
    void parsingGivesTheSameObjectsAsLoading() {
        assertThat(Manifests.parse("classpath:dev/squeeze/workload/web.yaml"))
                .isEqualTo(Manifests.load(CLIENT, "classpath:dev/squeeze/workload/web.yaml"));
    }
}
