package dev.squeeze.pressure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.units.MemorySize;

/**
 * How much the hog fills: an absolute size, or a percentage with an explicit basis.
 *
 * <pre>{@code
 * HogSize.of(MemorySize.parse("1500Mi"));
 * HogSize.percentOf(120, SizeBasis.NODE_ALLOCATABLE);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface HogSize {

    static HogSize of(MemorySize size) {
        return new Absolute(size);
    }

    static HogSize percentOf(double percent, SizeBasis basis) {
        return new Percent(percent, basis);
    }

    record Absolute(MemorySize size) implements HogSize {
        @Override
        public String toString() {
            return size.toQuantity();
        }
    }

    record Percent(double percent, SizeBasis basis) implements HogSize {
        @Override
        public String toString() {
            return percent + "% of " + basis.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
