package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.experiment.Expect;
import dev.squeeze.pressure.QosClass;
import dev.squeeze.pressure.SizeBasis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a memory-pressure experiment before the test method's body (after its {@code @BeforeEach} methods): steady
 * state, ramp, hold, recovery. The method then receives the {@link dev.squeeze.report.ChaosReport} as a parameter; the
 * report is also written as JSON and HTML and published as JUnit report entries. Needs {@link ChaosNode @ChaosNode}
 * (or a registered {@link SqueezeExtension}) on the class.
 *
 * <pre>{@code
 * @Test
 * @MemoryHog(size = "120%", basis = SizeBasis.NODE_ALLOCATABLE, rate = "200Mi/s", hold = "10s")
 * void webStaysReady(ChaosReport report) {
 *     SqueezeAssertions.assertThat(report).pods("app=web").stayedReady();
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = STABLE, since = "0.1")
public @interface MemoryHog {

    /** How much to fill: a Kubernetes quantity ({@code 1500Mi}) or a percentage of {@link #basis()} ({@code 120%}). */
    String size();

    /** What a percentage {@link #size()} is a percentage of; ignored for an absolute size. */
    SizeBasis basis() default SizeBasis.NODE_ALLOCATABLE;

    /** How fast the hog grows, such as {@code 100Mi/s}, or {@code max}. */
    String rate() default "100Mi/s";

    /** How long the hog holds its size once the ramp is done. */
    String hold() default "30s";

    /** The hog pod's QoS class; BestEffort (the default) is evicted first, as in a real outage. */
    QosClass qos() default QosClass.BEST_EFFORT;

    /** The hog's memory limit, needed for GUARANTEED; {@code ""} (unset) means no limit. */
    String limit() default "";

    /** The hog pod's priorityClassName; {@code ""} (unset) means none. */
    String priorityClass() default "";

    /**
     * The JRE 22+ image the hog runs on; {@code ""} (unset) means the configuration parameter
     * {@value SqueezeProperties#HOG_IMAGE}, else {@link dev.squeeze.internal.cluster.Images#defaultJreImage()}.
     */
    String image() default "";

    /** Label selectors of pods that should stay Ready; empty (unset) means the {@link Workload#readySelectors()}. */
    String[] watch() default {};

    /** An optional HTTP probe of a workload Service; unset by default. */
    HttpProbe http() default @HttpProbe;

    /** How long to observe before pressure starts. */
    String steadyState() default "5s";

    /** The longest the ramp may take before it is declared stuck. */
    String rampTimeout() default "3m";

    /** The longest to wait for MemoryPressure to clear and a new pod to be admitted. */
    String recoveryTimeout() default "3m";

    /** How long MemoryPressure must stay clear to count as recovered. */
    String recoveryWindow() default "15s";

    /**
     * What the node is expected to do with the hog, checked before any pressure. {@link Expect#EVICTION}: the test
     * fails at once, naming the node's {@code evictionHard} and the kubelet setting to add, when the target node's
     * kubelet has no {@code memory.available} hard eviction threshold (it would never evict, and the test would only
     * fail after the whole ramp).
     */
    Expect expect() default Expect.ANY;
}
