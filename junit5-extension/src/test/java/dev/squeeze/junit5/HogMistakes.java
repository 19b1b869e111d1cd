package dev.squeeze.junit5;

import dev.squeeze.pressure.QosClass;
import dev.squeeze.pressure.SizeBasis;
import org.junit.jupiter.api.Test;

/** {@code @MemoryHog} fixtures, one mistake each, for {@link SqueezeValidationTest}. Never run directly. */
final class HogMistakes {

    private HogMistakes() {
    }

    @ChaosNode
    static class MegabytesTestCase {
        @Test
        @MemoryHog(size = "3000MB")
        void test() {
        }
    }

    @ChaosNode
    static class BareBytesTestCase {
        @Test
        @MemoryHog(size = "1500")
        void test() {
        }
    }

    @ChaosNode
    static class ZeroPercentTestCase {
        @Test
        @MemoryHog(size = "0%")
        void test() {
        }
    }

    @ChaosNode
    static class HugePercentTestCase {
        @Test
        @MemoryHog(size = "1500%")
        void test() {
        }
    }

    @ChaosNode
    static class RateWithoutPerSecondTestCase {
        @Test
        @MemoryHog(size = "120%", rate = "100Mi")
        void test() {
        }
    }

    @ChaosNode
    static class ZeroRateTestCase {
        @Test
        @MemoryHog(size = "120%", rate = "0/s")
        void test() {
        }
    }

    @ChaosNode
    static class HoldWithoutUnitTestCase {
        @Test
        @MemoryHog(size = "120%", hold = "30")
        void test() {
        }
    }

    @ChaosNode
    static class NegativeHoldTestCase {
        @Test
        @MemoryHog(size = "120%", hold = "-5s")
        void test() {
        }
    }

    @ChaosNode
    static class MinutesWordTestCase {
        @Test
        @MemoryHog(size = "120%", steadyState = "2min")
        void test() {
        }
    }

    @ChaosNode
    static class GuaranteedWithoutLimitTestCase {
        @Test
        @MemoryHog(size = "120%", qos = QosClass.GUARANTEED)
        void test() {
        }
    }

    @ChaosNode
    static class LimitBasisWithoutLimitTestCase {
        @Test
        @MemoryHog(size = "90%", basis = SizeBasis.HOG_LIMIT)
        void test() {
        }
    }

    @ChaosNode
    static class BestEffortWithLimitTestCase {
        @Test
        @MemoryHog(size = "120%", limit = "1Gi")
        void test() {
        }
    }

    @ChaosNode
    static class ColonSelectorTestCase {
        @Test
        @MemoryHog(size = "120%", watch = "app:web")
        void test() {
        }
    }

    @ChaosNode
    static class UnclosedSetSelectorTestCase {
        @Test
        @MemoryHog(size = "120%", watch = "tier in (web,api")
        void test() {
        }
    }

    @ChaosNode
    static class PriorityClassCaseTestCase {
        @Test
        @MemoryHog(size = "120%", priorityClass = "High_Priority")
        void test() {
        }
    }

    @ChaosNode
    static class ImageWithSpaceTestCase {
        @Test
        @MemoryHog(size = "120%", image = "eclipse temurin:25")
        void test() {
        }
    }

    @ChaosNode
    static class HttpPortTestCase {
        @Test
        @MemoryHog(size = "120%", http = @HttpProbe(service = "web", port = 0))
        void test() {
        }
    }

    @ChaosNode
    static class HttpWithoutServiceTestCase {
        @Test
        @MemoryHog(size = "120%", http = @HttpProbe(port = 8080, path = "/healthz"))
        void test() {
        }
    }

    @ChaosNode
    static class WindowLongerThanTimeoutTestCase {
        @Test
        @MemoryHog(size = "120%", recoveryTimeout = "30s", recoveryWindow = "1m")
        void test() {
        }
    }

    @ChaosNode
    static class RampTooSlowTestCase {
        @Test
        @MemoryHog(size = "2Gi", rate = "1Mi/s")
        void test() {
        }
    }

    @ChaosNode
    static class IssueRampTestCase {
        @Test
        @MemoryHog(size = "28Gi", rate = "40Mi/s", rampTimeout = "3m")
        void test() {
        }
    }

    @ChaosNode(memory = "16Gi")
    static class PercentRampTestCase {
        @Test
        @MemoryHog(size = "120%", rate = "10Mi/s", rampTimeout = "1m")
        void test() {
        }
    }

    @ChaosNode
    static class ZeroSizeTestCase {
        @Test
        @MemoryHog(size = "0")
        void test() {
        }
    }

    @ChaosNode
    static class NotATestTestCase {
        @MemoryHog(size = "120%")
        void helper() {
        }

        @Test
        void test() {
        }
    }
}
