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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes what a killed run of Squeeze left behind (with Ryuk disabled nothing else does), at every node start and
 * close: k3s containers whose owner is proven gone, then {@code squeeze-*} cgroup v1 parents that no k3s container of
 * any run names any more. Proof is the node's {@link OwnerWatchdog}: a node is removed only once it stopped and holds
 * the watchdog's marker (written the moment the owner's connection closed, before k3s has stopped). A node without
 * that marker, running or stopped, is left, and the log says which and why.
 *
 * <pre>{@code
 * Leftovers.reap(docker, Owner.current(), Paths.get("/sys/fs/cgroup"), CgroupSweep.remote(docker, image), false, LOG);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Leftovers {

    /**
     * A node's cgroup parent, {@code squeeze-<Owner#cgroupTag>-<id>}. Nothing else is ever swept: other tools' cgroups
     * with a {@code squeeze-} prefix (CI's {@code squeeze-mn-*} cluster) are not Squeeze's nodes.
     */
    static final java.util.regex.Pattern PARENT =
            java.util.regex.Pattern.compile("squeeze-h[0-9a-f]{8}-\\d+-t[0-9a-z]+-[0-9a-z]+");

    /** The v1 parent can stay busy for a moment after its container stopped (tasks still exiting). */
    static final Duration BUSY_RETRY = Duration.ofSeconds(10);

    private Leftovers() {
    }

    /** A k3s container of some Squeeze run, as {@code docker ps -a} lists it. */
    record Node(String id, String image, String state, Owner owner, boolean watched, String cgroupParent) {

        static Optional<Node> of(Container c) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            String parent = labels.getOrDefault(Owner.LABEL_CGROUP_PARENT, "");
            return Owner.fromLabels(labels).map(owner -> new Node(c.getId(), c.getImage(),
                    c.getState() == null ? "" : c.getState(), owner, labels.containsKey(OwnerWatchdog.LABEL),
                    parent.startsWith("/") ? parent.substring(1) : parent));
        }

        boolean stopped() {
            return state.equals("exited") || state.equals("dead");
        }

        String name() {
            return id.substring(0, Math.min(12, id.length())) + " (" + image + ")";
        }
    }

    /** What to do with a node: {@code MINE} (this JVM's, not a leftover), {@code REAP} or {@code LEAVE}. */
    enum Decision { MINE, REAP, LEAVE }

    record Judgement(Decision decision, String reason) {
    }

    /** What a reap removed, left and could not remove. */
    record Reaped(List<String> containers, List<String> left, List<String> cgroups, List<String> failures) {
    }

    /**
     * Whether {@code node} is a leftover that may go.
     *
     * @param watchdogFired whether a stopped node holds its watchdog's marker (read from the container)
     */
    static Judgement judge(Node node, Owner me, Predicate<Node> watchdogFired) {
        if (node.owner().sameJvm(me)) {
            return new Judgement(Decision.MINE, "started by this JVM");
        }
        String owner = "its owner (" + node.owner().describe() + ")";
        // the marker is the proof, whether k3s has finished stopping or not
        if (node.watched() && watchdogFired.test(node)) {
            return new Judgement(Decision.REAP, "its watchdog marked it " + (node.stopped() ? "and stopped it " : "")
                    + "when the connection of " + owner + " closed: that JVM exited or was killed");
        }
        if (!node.stopped()) {
            return new Judgement(Decision.LEAVE, "it is " + (node.state().isEmpty() ? "running" : node.state())
                    + ", so " + owner + " may be alive; " + (node.watched()
                    ? "its watchdog stops it once that JVM's connection closes, and a later run removes it then"
                    : "it has no owner watchdog (started by an older Squeeze): remove it with `docker rm -f "
                    + node.id().substring(0, Math.min(12, node.id().length())) + "` once no run uses it"));
        }
        return new Judgement(Decision.LEAVE, "it stopped, but " + (node.watched() ? "not by its watchdog"
                : "it has no owner watchdog (started by an older Squeeze)") + ", so " + owner + " may still be"
                + " running (a run removes its own failed node); remove it with `docker rm -f "
                + node.id().substring(0, Math.min(12, node.id().length())) + "` once no run uses it");
    }

    /**
     * Removes the leftovers of owners proven gone, then the cgroup parents no node names. {@code remoteSweep} is
     * used when a parent to remove is not visible in {@code cgroupRoot} (this JVM runs in a container or on another
     * machine); {@code null} skips that.
     *
     * @param sweepAnyway run {@code remoteSweep} even when no node was removed (the caller's own parent is not
     *                    visible here)
     */
    static Reaped reap(DockerClient docker, Owner me, Path cgroupRoot, CgroupSweep remoteSweep, boolean sweepAnyway,
                       Logger log) {
        List<String> failures = new ArrayList<>();
        List<Node> nodes = list(docker, failures);
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        Set<String> keep = new LinkedHashSet<>();
        Set<String> gone = new LinkedHashSet<>();
        for (Node node : nodes) {
            Judgement j = judge(node, me, n -> OwnerWatchdog.fired(docker, n.id()));
            if (j.decision() == Decision.REAP && remove(docker, node, failures)) {
                removed.add(node.name());
                gone.add(node.cgroupParent());
                log.info("removed leftover k3s container {}: {}", node.name(), j.reason());
                continue;
            }
            keep.add(node.cgroupParent());
            if (j.decision() != Decision.MINE) {
                left.add(node.name());
                log.info("left k3s container {} of another run: {}", node.name(), j.reason());
            }
        }
        keep.remove("");
        // a systemd slice (squeeze.slice/squeeze-<id>.slice) is systemd's to remove once empty
        gone.removeIf(p -> !PARENT.matcher(p).matches());
        List<String> cgroups = new ArrayList<>(CgroupSweep.local(cgroupRoot, keep, gone, failures));
        boolean goneHidden = gone.stream().anyMatch(p -> !visible(cgroupRoot, p));
        if (remoteSweep != null && (sweepAnyway || goneHidden)) {
            cgroups.addAll(remoteSweep.sweep(keep, failures));
        }
        if (!cgroups.isEmpty()) {
            log.info("removed {} cgroup directories that no k3s container names any more: {}", cgroups.size(),
                    cgroups);
        }
        failures.forEach(f -> log.warn("could not remove a leftover of an earlier run: {}", f));
        return new Reaped(removed, left, cgroups, failures);
    }

    private static List<Node> list(DockerClient docker, List<String> failures) {
        try {
            return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(Owner.LABEL_HOST_TAG)).exec()
                    .stream().map(Node::of).flatMap(Optional::stream).toList();
        } catch (RuntimeException e) {
            failures.add("could not list containers: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean remove(DockerClient docker, Node node, List<String> failures) {
        try {
            docker.removeContainerCmd(node.id()).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (RuntimeException e) {
            failures.add("container " + node.name() + ": " + e.getMessage());
            return false;
        }
    }

    /** Whether the cgroup parent {@code name} is visible in any hierarchy under {@code root}. */
    static boolean visible(Path root, String name) {
        return ownedCgroupDirs(root).stream().anyMatch(d -> d.getFileName().toString().equals(name));
    }

    /** {@code <root>/<hierarchy>/squeeze-*} named like a node's parent ({@link #PARENT}), in every hierarchy. */
    static List<Path> ownedCgroupDirs(Path root) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> hierarchies = Files.list(root)) {
            for (Path h : hierarchies.filter(Files::isDirectory).toList()) {
                try (Stream<Path> dirs = Files.list(h)) {
                    dirs.filter(d -> PARENT.matcher(d.getFileName().toString()).matches() && Files.isDirectory(d))
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
