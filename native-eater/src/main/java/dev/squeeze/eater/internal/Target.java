package dev.squeeze.eater.internal;

import dev.squeeze.eater.SizeBasis;
import dev.squeeze.eater.SizeSpec;
import dev.squeeze.eater.UsageException;
import java.util.OptionalLong;

/**
 * The byte count a {@link SizeSpec} comes to on this machine. Internal: no compatibility promise.
 *
 * <pre>{@code
 * Target t = Target.resolve(SizeSpec.parse("50%cgroup"), HostFacts.read(Host.live()));
 * t.bytes();        // half the container's memory limit, rounded up to a whole page
 * t.basisBytes();   // the limit itself
 * }</pre>
 *
 * @param bytes      what to map and fill: more than 0, a whole number of pages
 * @param basis      {@code bytes} for an absolute size, else the {@link SizeBasis#text()} of the percentage
 * @param basisBytes the value of the basis, empty for an absolute size
 */
public record Target(long bytes, String basis, OptionalLong basisBytes) {
    /**
     * @param spec  the {@code --size}
     * @param facts the machine
     * @return the target
     * @throws UsageException if the basis is unlimited, or the size comes to less than a byte
     */
    public static Target resolve(SizeSpec spec, HostFacts facts) {
        if (spec instanceof SizeSpec.Bytes b) {
            return new Target(roundUp(b.bytes(), facts.pageSize()), "bytes", OptionalLong.empty());
        }
        SizeSpec.Percent p = (SizeSpec.Percent) spec;
        long basisBytes = switch (p.basis()) {
            case CGROUP -> cgroupLimit(spec, facts.cgroup());
            case MEMTOTAL -> facts.memInfo().totalBytes();
            case MEMAVAILABLE -> facts.memInfo().availableBytes();
        };
        long bytes = p.of(basisBytes);
        if (bytes <= 0) {
            throw new UsageException("--size", spec.text(), "`--size` " + spec.text() + " comes to 0 bytes: "
                    + p.basis().text() + " is " + basisBytes + " bytes here. Ask for more, for example: --size 512Mi");
        }
        return new Target(roundUp(bytes, facts.pageSize()), p.basis().text(), OptionalLong.of(basisBytes));
    }

    private static long cgroupLimit(SizeSpec spec, CgroupLimit limit) {
        if (limit instanceof CgroupLimit.Limited l) {
            return l.bytes();
        }
        // a percentage of nothing would be a guess; a guessed size is what this flag exists to avoid
        throw new UsageException("--size", spec.text(), "`--size` " + spec.text()
                + " needs a cgroup memory limit, but this process's cgroup has none: " + limit.describe()
                + ". Set resources.limits.memory on the container (docker run --memory 1g), or give an absolute "
                + "size. For example: --size 512Mi");
    }

    static long roundUp(long bytes, long page) {
        long pages = bytes / page + (bytes % page == 0 ? 0 : 1);
        return Math.multiplyExact(pages, page);
    }
}
