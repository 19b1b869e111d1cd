package dev.squeeze.pressure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;

import java.time.Duration;

/**
 * The memory hog to run next to the workload.
 *
 * <pre>{@code
 * HogSpec hog = HogSpec.of(HogSize.percentOf(110, SizeBasis.NODE_ALLOCATABLE))
 *         .withRate(MemoryRate.parse("100Mi/s"))
 *         .withHold(Duration.ofSeconds(60));
 * }</pre>
 *
 * @param size              how much to fill
 * @param rate              how fast (paced on an absolute schedule), or {@link MemoryRate#MAX}
 * @param hold              how long the experiment's hold phase lasts once the ramp is done
 * @param qos               the hog pod's QoS class
 * @param limit             the container memory limit for BURSTABLE/GUARANTEED; {@link MemorySize#ZERO} for none
 * @param priorityClassName the pod's priorityClassName; {@code ""} for none
 * @param image             a JRE 22+ image the eater jar runs on
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HogSpec(HogSize size, MemoryRate rate, Duration hold, QosClass qos, MemorySize limit,
                      String priorityClassName, String image) {

    public static final MemoryRate DEFAULT_RATE = MemoryRate.perSecond(MemorySize.ofMebibytes(100));
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    public static HogSpec of(HogSize size) {
        return new HogSpec(size, DEFAULT_RATE, DEFAULT_HOLD, QosClass.BEST_EFFORT, MemorySize.ZERO, "",
                Images.defaultJreImage());
    }

    public HogSpec withRate(MemoryRate v) {
        return new HogSpec(size, v, hold, qos, limit, priorityClassName, image);
    }

    public HogSpec withHold(Duration v) {
        return new HogSpec(size, rate, v, qos, limit, priorityClassName, image);
    }

    public HogSpec withQos(QosClass v, MemorySize limit) {
        return new HogSpec(size, rate, hold, v, limit, priorityClassName, image);
    }

    public HogSpec withPriorityClassName(String v) {
        return new HogSpec(size, rate, hold, qos, limit, v, image);
    }

    public HogSpec withImage(String v) {
        return new HogSpec(size, rate, hold, qos, limit, priorityClassName, v);
    }

    /** One line for reports: {@code 110.0% of node allocatable at 100Mi/s, hold 30s, BEST_EFFORT}. */
    public String describe() {
        return size + " at " + rate + ", hold " + dev.squeeze.internal.units.Durations.format(hold) + ", " + qos
                + (limit.isZero() ? "" : " limit " + limit)
                + (priorityClassName.isEmpty() ? "" : ", priorityClass " + priorityClassName);
    }
}
