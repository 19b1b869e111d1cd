package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Removes what an earlier, killed run of Squeeze left behind (with Ryuk disabled nothing else does): k3s containers
 * labelled with an {@link Owner} that is gone, then {@code squeeze-*} cgroup v1 parents in every hierarchy whose
 * owner (in their name) is gone. Resources of a live run, of another host, or without an owner are never touched.
 *
 * <pre>{@code
 * Leftovers.reap(docker, Owner.current(), Owner.Processes.SYSTEM, Paths.get("/sys/fs/cgroup"), LOG);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Leftovers {

    /** The v1 parent can stay busy for a moment after its container stopped (tasks still exiting). */
    static final Duration BUSY_RETRY = Duration.ofSeconds(10);

    private Leftovers() {
    }

    /** What a reap removed, and what it could not. */
    record Reaped(List<String> containers, List<String> cgroups, List<String> failures) {
    }

    static Reaped reap(DockerClient docker, Owner me, Owner.Processes processes, Path cgroupRoot, Logger log) {
        List<String> failures = new ArrayList<>();
        // containers first: once a killed run's k3s is gone, its cgroups empty and can be removed
        List<String> containers = reapContainers(docker, me, processes, failures, log);
        List<String> cgroups = reapCgroups(cgroupRoot, me, processes, failures, log);
        failures.forEach(f -> log.warn("could not remove a leftover of an earlier run: {}", f));
        return new Reaped(containers, cgroups, failures);
    }

    static List<String> reapContainers(DockerClient docker, Owner me, Owner.Processes processes,
                                       List<String> failures, Logger log) {
        List<String> containers = new ArrayList<>();
        List<Container> labelled;
        try {
            labelled = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(Owner.LABEL_PID)).exec();
        } catch (RuntimeException e) {
            labelled = List.of();
            failures.add("could not list containers: " + e.getMessage());
        }
        for (Container c : labelled) {
            Optional<Owner> owner = Owner.fromLabels(c.getLabels() == null ? java.util.Map.of() : c.getLabels());
            if (owner.isEmpty() || !owner.get().goneSeenFrom(me, processes)) {
                continue;
            }
            String name = c.getId().substring(0, Math.min(12, c.getId().length())) + " (" + c.getImage() + ")";
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                containers.add(name);
                log.info("removed leftover k3s container {} of a {} that is gone (killed without cleanup)", name,
                        owner.get().describe());
            } catch (RuntimeException e) {
                failures.add("container " + name + ": " + e.getMessage());
            }
        }
        return containers;
    }

    /** Removes {@code squeeze-*} cgroup parents under {@code cgroupRoot} whose owner is gone. */
    static List<String> reapCgroups(Path cgroupRoot, Owner me, Owner.Processes processes, List<String> failures,
                                    Logger log) {
        List<String> cgroups = new ArrayList<>();
        for (Path dir : ownedCgroupDirs(cgroupRoot)) {
            Optional<Owner> owner = Owner.fromCgroupName(dir.getFileName().toString());
            if (owner.isEmpty() || !owner.get().goneSeenFrom(me, processes)) {
                continue;
            }
            try {
                removeTree(dir, BUSY_RETRY);
                cgroups.add(dir.toString());
            } catch (IOException e) {
                failures.add("cgroup " + dir + ": " + e);
            }
        }
        if (!cgroups.isEmpty()) {
            log.info("removed {} leftover cgroup directories of JVMs that are gone: {}", cgroups.size(), cgroups);
        }
        return cgroups;
    }

    /** {@code <root>/<hierarchy>/squeeze-*} for every hierarchy. */
    static List<Path> ownedCgroupDirs(Path root) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> hierarchies = Files.list(root)) {
            for (Path h : hierarchies.filter(Files::isDirectory).toList()) {
                try (Stream<Path> dirs = Files.list(h)) {
                    dirs.filter(d -> d.getFileName().toString().startsWith("squeeze-") && Files.isDirectory(d))
                            .forEach(found::add);
                } catch (IOException unreadable) {
                    // a hierarchy we cannot list holds nothing we could remove
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /**
     * Removes a cgroup directory and the ones below it, deepest first; retries while the kernel says busy (tasks
     * still exiting) for up to {@code retryFor}.
     */
    static void removeTree(Path dir, Duration retryFor) throws IOException {
        long deadline = System.nanoTime() + retryFor.toNanos();
        while (true) {
            try {
                List<Path> tree;
                try (Stream<Path> walk = Files.walk(dir)) {
                    tree = walk.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).toList();
                }
                for (Path p : tree) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (java.nio.file.NoSuchFileException gone) {
                return;
            } catch (IOException busy) {
                if (System.nanoTime() - deadline >= 0) {
                    throw busy;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    static Path defaultCgroupRoot() {
        return Paths.get("/sys/fs/cgroup");
    }
}
