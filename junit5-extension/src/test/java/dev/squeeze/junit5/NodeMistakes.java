package dev.squeeze.junit5;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @ChaosNode}, {@code @Workload} and builder fixtures, one mistake each. Never run directly. */
final class NodeMistakes {

    private NodeMistakes() {
    }

    @ChaosNode(memory = "2GB")
    static class GigabytesTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(swap = "1GB")
    static class SwapInGigabytesTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(memory = "1Gi")
    static class TooSmallNodeTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(kubeletArgs = "--max-pods=20")
    static class DashedKubeletArgTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(kubeletArgs = "eviction-hard=memory.available<1Gi")
    static class OwnedKubeletArgTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(loadImages = "My App:1.0")
    static class BadImageToLoadTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode(startupTimeout = "0s")
    static class ZeroStartupTimeoutTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/missing.yaml")
    static class MissingResourceTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "squeeze-test/app.yaml")
    static class ResourceWithoutPrefixTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/app.yaml", readySelectors = "")
    static class EmptySelectorTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    @Workload(manifests = "classpath:squeeze-test/app.yaml", readyTimeout = "2 minutes")
    static class ReadyTimeoutWordsTestCase {
        @Test
        void test() {
        }
    }

    @ChaosNode
    static class BuilderAndAnnotationTestCase {
        @RegisterExtension
        static SqueezeExtension squeeze = SqueezeExtension.builder().build();

        @Test
        void test() {
        }
    }

    static class BuilderTooSmallNodeTestCase {
        @RegisterExtension
        static SqueezeExtension squeeze = SqueezeExtension.builder()
                .node(NodeSpec.ofMemory(MemorySize.parse("1Gi"))).build();

        @Test
        void test() {
        }
    }

    @ChaosNode(memory = "3Gi", evictionHard = "")
    @Workload(manifests = "classpath:squeeze-test/nope.yaml", readySelectors = "app=")
    static class ManyMistakesTestCase {
        @Test
        @MemoryHog(size = "lots", hold = "forever")
        void test() {
        }
    }
}
