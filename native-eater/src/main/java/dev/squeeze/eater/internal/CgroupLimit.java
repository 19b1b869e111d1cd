package dev.squeeze.eater.internal;

import java.nio.file.Path;

/**
 * The memory limit the kernel enforces on this process's cgroup, as {@link CgroupMemory} found it.
 * Internal: no compatibility promise.
 *
 * <pre>{@code
 * switch (CgroupMemory.read(Host.live())) {
 *     case CgroupLimit.Limited l -> System.out.println(l.bytes() + " from " + l.file());
 *     case CgroupLimit.Unlimited u -> System.out.println("no limit in " + u.file());
 *     case CgroupLimit.Absent a -> System.out.println("no memory controller visible");
 * }
 * }</pre>
 */
public sealed interface CgroupLimit permits CgroupLimit.Limited, CgroupLimit.Unlimited, CgroupLimit.Absent {
    /** @return a short description for messages and the {@code start} line */
    String describe();

    /**
     * @param bytes the lowest limit on the path from this process's cgroup to the visible root
     * @param file  the file it was read from
     */
    record Limited(long bytes, Path file) implements CgroupLimit {
        @Override
        public String describe() {
            return Quantities.format(bytes) + " (" + file + ")";
        }
    }

    /** @param file the file of this process's own cgroup, which says {@code max} (or v1's 2^63 - 4096) */
    record Unlimited(Path file) implements CgroupLimit {
        @Override
        public String describe() {
            return "unlimited (" + file + ")";
        }
    }

    /** @param cgroupRoot where no memory controller was found */
    record Absent(Path cgroupRoot) implements CgroupLimit {
        @Override
        public String describe() {
            return "no memory controller under " + cgroupRoot;
        }
    }
}
