package dev.squeeze.eater.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the memory limit of this process's cgroup, v2 ({@code memory.max}) or v1
 * ({@code memory/memory.limit_in_bytes}). Internal: no compatibility promise.
 *
 * <pre>{@code
 * CgroupLimit limit = CgroupMemory.read(Host.live());
 * }</pre>
 *
 * <p>Where the files are depends on the cgroup namespace: in a container with its own namespace (cgroup v2,
 * Kubernetes) {@code /proc/self/cgroup} says {@code 0::/} and the container's cgroup is mounted at the root;
 * with the host's namespace (Docker on v1, a shell on a workstation) it names a path such as
 * {@code /docker/ID} that may or may not exist below the mount. So: the named directory if it exists, else
 * the mount root, and from there up to the root the lowest limit wins, because a parent's limit binds its
 * children just as hard.
 */
public final class CgroupMemory {
    /** v1 writes "unlimited" as PAGE_COUNTER_MAX pages (2^63 - 4096 bytes on 4 KiB pages); no real limit is this high. */
    static final long V1_UNLIMITED_FROM = 1L << 62;

    private CgroupMemory() {
    }

    /**
     * @param host where to look
     * @return the limit found
     */
    public static CgroupLimit read(Host host) {
        return read(host.cgroupRoot(), new ProcFs(host.procRoot()).selfCgroup());
    }

    /**
     * @param cgroupRoot the cgroup mount point, such as {@code /sys/fs/cgroup}
     * @param selfCgroup the contents of {@code /proc/self/cgroup}
     * @return the limit found
     */
    public static CgroupLimit read(Path cgroupRoot, String selfCgroup) {
        if (Files.exists(cgroupRoot.resolve("cgroup.controllers"))) {
            return lowest(cgroupRoot, ownPath(selfCgroup, true), "memory.max");
        }
        Path v1 = cgroupRoot.resolve("memory");
        if (Files.isDirectory(v1)) {
            return lowest(v1, ownPath(selfCgroup, false), "memory.limit_in_bytes");
        }
        return new CgroupLimit.Absent(cgroupRoot);
    }

    /** @return the path of this process's cgroup in the unified (v2) or the memory (v1) hierarchy, "" if not listed */
    static String ownPath(String selfCgroup, boolean unified) {
        for (String line : selfCgroup.split("\n")) {
            // "hierarchy-ID:controller-list:path"; v2's line is "0::path"
            int first = line.indexOf(':');
            int second = line.indexOf(':', first + 1);
            if (first < 0 || second < 0) {
                continue;
            }
            String controllers = line.substring(first + 1, second);
            boolean match = unified
                    ? line.startsWith("0:") && controllers.isEmpty()
                    : ("," + controllers + ",").contains(",memory,");
            if (match) {
                return line.substring(second + 1).strip();
            }
        }
        return "";
    }

    private static CgroupLimit lowest(Path mount, String ownPath, String fileName) {
        String relative = ownPath.startsWith("/") ? ownPath.substring(1) : ownPath;
        Path own = relative.isEmpty() ? mount : mount.resolve(relative).normalize();
        if (!own.startsWith(mount) || !Files.isDirectory(own)) {
            own = mount;
        }
        CgroupLimit result = new CgroupLimit.Unlimited(own.resolve(fileName));
        boolean anyFile = false;
        for (Path dir = own; dir != null && dir.startsWith(mount); dir = dir.getParent()) {
            Path file = dir.resolve(fileName);
            String text;
            try {
                text = Files.readString(file).strip();
            } catch (IOException e) {
                continue;  // the root cgroup of v2 has no memory.max
            }
            anyFile = true;
            long bytes = parseLimit(text);
            if (bytes > 0 && (!(result instanceof CgroupLimit.Limited l) || bytes < l.bytes())) {
                result = new CgroupLimit.Limited(bytes, file);
            }
        }
        return anyFile ? result : new CgroupLimit.Absent(mount);
    }

    /** @return the limit in bytes, 0 for unlimited or unreadable */
    static long parseLimit(String text) {
        if (text.equals("max")) {
            return 0;
        }
        try {
            long bytes = Long.parseLong(text);
            return bytes >= V1_UNLIMITED_FROM ? 0 : bytes;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
