package dev.squeeze.junit5;

import org.junit.jupiter.api.Test;

/** {@code @Workload(manifests)} fixtures whose files exist but are no usable Kubernetes YAML. Never run directly. */
final class ManifestMistakes {

    private ManifestMistakes() {
    }

    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/bad/invalid.yaml")
    static class InvalidYamlTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/bad/empty.yaml")
    static class EmptyManifestTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/bad/unknown-kind.yaml")
    static class UnknownKindTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/bad/custom-resource.yaml")
    static class CustomResourceWithoutDefinitionTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "target/no-such-dir/app.yaml")
    static class MissingFileTestCase {
        @Test
        void test() {
        }
    }

    /** Valid: the CustomResourceDefinition comes with its instance. */
    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/crd.yaml")
    static class CustomResourceWithDefinitionTestCase {
        @Test
        void test() {
        }
    }
}
