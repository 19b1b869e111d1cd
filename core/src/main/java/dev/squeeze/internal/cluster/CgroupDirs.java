package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cgroup v1 directories a stopped node leaves behind on the Docker host: Docker and the kubelet create
 * {@code /squeeze-<id>} (and kubepods below it) in every hierarchy, and nobody removes them. Only reachable when this
 * JVM runs on the Docker host, which is the usual case; otherwise they are merely empty directories.
 */
@API(status = INTERNAL, since = "0.1")
public final class CgroupDirs {

    private static final Path ROOT = Paths.get("/sys/fs/cgroup");

    private CgroupDirs() {
    }

    static List<String> find(String parent) {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(ROOT)) {
            return found;
        }
        try (Stream<Path> hierarchies = Files.list(ROOT)) {
            hierarchies.map(h -> h.resolve(parent)).filter(Files::isDirectory).forEach(p -> found.add(p.toString()));
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /**
     * Removes the parent in every hierarchy, deepest first (cgroup directories are removed with rmdir), retrying for a
     * few seconds while one is still busy (its tasks are still exiting just after the container stopped).
     */
    static void removeAll(String parent) throws IOException {
        IOException last = null;
        for (String dir : find(parent)) {
            try {
                Leftovers.removeTree(Paths.get(dir), Leftovers.BUSY_RETRY);
            } catch (IOException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
    }
}
