package dev.squeeze.junit5;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Declarations on {@code @Nested} classes, refused by name instead of silently ignored. Never run directly. */
final class NestedMistakes {

    private NestedMistakes() {
    }

    @ChaosNode
    static class WorkloadOnNestedTestCase {
        @Nested
        @Workload(manifests = "classpath:squeeze-test/app.yaml")
        class Inner {
            @Test
            void test() {
            }
        }
    }

    static class ChaosNodeOnlyOnNestedTestCase {
        @Nested
        @ChaosNode(memory = "4Gi")
        class Inner {
            @Test
            void test() {
            }
        }
    }

    /** Valid: a plain nested class shares the outer node. */
    @ChaosNode
    static class PlainNestedTestCase {
        @Nested
        class Inner {
            @Test
            @MemoryHog(size = "120%")
            void test() {
            }
        }
    }

    @ChaosNode
    static class HogMistakeInNestedTestCase {
        @Nested
        class Inner {
            @Test
            @MemoryHog(size = "1.5GB")
            void test() {
            }
        }
    }
}
