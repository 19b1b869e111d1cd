package dev.squeeze.internal.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reaping what a killed run left: k3s containers (through a fake Docker client) and cgroup parents on a fake
 * {@code /sys/fs/cgroup}, only those whose owner is gone, in every hierarchy.
 */
class LeftoversTest {

    private static final Owner ME = new Owner("ci-7", Owner.tagOf("ci-7"), 4711, 1_790_000_000L);

    @TempDir
    Path root;

    private Path parent(String hierarchy, Owner owner, String id) throws IOException {
        Path p = root.resolve(hierarchy).resolve("squeeze-" + owner.cgroupTag() + "-" + id);
        Files.createDirectories(p.resolve("kubepods").resolve("besteffort"));
        return p;
    }

    @Test
    void parents_of_gone_owners_go_in_every_hierarchy_and_nothing_else_is_touched() throws IOException {
        Owner dead = new Owner("ci-7", ME.hostTag(), 1234, 1_789_000_000L);
        Owner live = new Owner("ci-7", ME.hostTag(), 2345, 1_789_100_000L);
        Owner elsewhere = new Owner("ci-8", Owner.tagOf("ci-8"), 3456, 1_789_200_000L);
        Path deadMemory = parent("memory", dead, "aaaaa");
        Path deadPids = parent("pids", dead, "aaaaa");
        Path liveMemory = parent("memory", live, "bbbbb");
        Path otherHost = parent("memory", elsewhere, "ccccc");
        Path older = Files.createDirectories(root.resolve("memory").resolve("squeeze-k7b2x"));
        Path mine = parent("memory", ME, "ddddd");
        Owner.Processes processes = pid -> pid == 2345 ? OptionalLong.of(1_789_100_000L)
                : pid == ME.pid() ? OptionalLong.of(ME.startSecond()) : OptionalLong.empty();
        List<String> failures = new ArrayList<>();

        List<String> removed = Leftovers.reapCgroups(root, ME, processes, failures, LoggerFactory.getLogger("test"));

        assertThat(removed).containsExactlyInAnyOrder(deadMemory.toString(), deadPids.toString());
        assertThat(deadMemory).doesNotExist();
        assertThat(deadPids).doesNotExist();
        assertThat(List.of(liveMemory, otherHost, older, mine)).allSatisfy(p -> assertThat(p).isDirectory());
        assertThat(failures).isEmpty();
    }

    @Test
    void a_busy_directory_is_retried_until_it_can_go() throws Exception {
        Path busy = parent("memory", new Owner("ci-7", ME.hostTag(), 1, 1), "eeeee");
        // a file inside stands for a task that has not exited yet: rmdir fails until it is gone
        Path task = busy.resolve("kubepods").resolve("besteffort").resolve("still-running");
        Files.writeString(task, "");
        Thread exits = new Thread(() -> {
            try {
                Thread.sleep(500);
                Files.delete(task);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        exits.start();

        Leftovers.removeTree(busy, java.time.Duration.ofSeconds(5));

        assertThat(busy).doesNotExist();
        exits.join();
    }

    @Test
    void unrelated_directories_are_not_listed() throws IOException {
        Files.createDirectories(root.resolve("memory").resolve("docker"));
        Files.createDirectories(root.resolve("memory").resolve("kubepods"));

        assertThat(Leftovers.ownedCgroupDirs(root)).isEmpty();
        assertThat(Leftovers.reapCgroups(root, ME, pid -> OptionalLong.empty(), new ArrayList<>(),
                LoggerFactory.getLogger("test"))).isEmpty();
    }
    /**
     * A Docker client that lists {@code listed} (or fails to, with {@code listFails}) and records each forced removal,
     * failing the removal of {@code stuck}; every other call fails the test.
     */
    private static com.github.dockerjava.api.DockerClient docker(List<com.github.dockerjava.api.model.Container> listed,
                                                                 String listFails, String stuck, List<String> removed,
                                                                 List<String> labelFilter) {
        return proxy(com.github.dockerjava.api.DockerClient.class, (method, args) -> switch (method) {
            case "listContainersCmd" -> proxy(com.github.dockerjava.api.command.ListContainersCmd.class, (m, a) -> {
                if (m.equals("withLabelFilter")) {
                    labelFilter.addAll((java.util.Collection<String>) a[0]);
                }
                if (m.equals("exec")) {
                    if (listFails != null) {
                        throw new IllegalStateException(listFails);
                    }
                    return listed;
                }
                return null; // a builder step: the proxy returns itself
            });
            case "removeContainerCmd" -> proxy(com.github.dockerjava.api.command.RemoveContainerCmd.class, (m, a) -> {
                if (m.equals("exec")) {
                    if (args[0].equals(stuck)) {
                        throw new IllegalStateException("removal of container " + stuck + " is already in progress");
                    }
                    removed.add((String) args[0]);
                }
                return null;
            });
            default -> throw new AssertionError("unexpected Docker call " + method);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    Object out = answer.apply(method.getName(), args);
                    return out == null && method.getReturnType().isInstance(self) ? self : out;
                });
    }

    private static com.github.dockerjava.api.model.Container container(String id, java.util.Map<String, String> labels)
            throws ReflectiveOperationException {
        com.github.dockerjava.api.model.Container c = new com.github.dockerjava.api.model.Container();
        for (String[] field : new String[][] {{"id", id}, {"image", "rancher/k3s:v1.34.4-k3s1"}}) {
            java.lang.reflect.Field f = c.getClass().getDeclaredField(field[0]);
            f.setAccessible(true);
            f.set(c, field[1]);
        }
        java.lang.reflect.Field f = c.getClass().getDeclaredField("labels");
        f.setAccessible(true);
        f.set(c, labels);
        return c;
    }

    @Test
    void containers_of_gone_owners_are_force_removed_and_live_foreign_or_unowned_ones_are_left()
            throws ReflectiveOperationException {
        // GIVEN k3s containers of a JVM that is gone, of a live JVM, of another host, of this JVM, and one whose
        // owner labels are incomplete
        Owner dead = new Owner("ci-7", ME.hostTag(), 1234, 1_789_000_000L);
        Owner live = new Owner("ci-7", ME.hostTag(), 2345, 1_789_100_000L);
        Owner elsewhere = new Owner("ci-8", Owner.tagOf("ci-8"), 3456, 1_789_200_000L);
        java.util.Map<String, String> partial = java.util.Map.of(Owner.LABEL_PID, "1234");
        List<com.github.dockerjava.api.model.Container> listed = List.of(
                container("dead0000000000000001", dead.labels()), container("live0000000000000002", live.labels()),
                container("else0000000000000003", elsewhere.labels()), container("mine0000000000000004", ME.labels()),
                container("part0000000000000005", partial), container("dead0000000000000006", dead.labels()));
        Owner.Processes processes = pid -> pid == 2345 ? OptionalLong.of(1_789_100_000L)
                : pid == ME.pid() ? OptionalLong.of(ME.startSecond()) : OptionalLong.empty();
        List<String> removed = new ArrayList<>();
        List<String> labelFilter = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // WHEN the second container of the dead JVM cannot be removed
        List<String> reaped = Leftovers.reapContainers(docker(listed, null, "dead0000000000000006", removed,
                labelFilter), ME, processes, failures, LoggerFactory.getLogger("test"));
        // THEN
        assertThat(labelFilter).containsExactly(Owner.LABEL_PID);
        assertThat(removed).containsExactly("dead0000000000000001");
        assertThat(reaped).containsExactly("dead00000000 (rancher/k3s:v1.34.4-k3s1)");
        assertThat(failures).containsExactly("container dead00000000 (rancher/k3s:v1.34.4-k3s1): removal of"
                + " container dead0000000000000006 is already in progress");
    }

    @Test
    void a_docker_that_cannot_list_removes_nothing_and_says_why() {
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();

        List<String> reaped = Leftovers.reapContainers(docker(List.of(), "Docker is not answering", null, removed,
                new ArrayList<>()), ME, pid -> OptionalLong.empty(), failures, LoggerFactory.getLogger("test"));

        assertThat(reaped).isEmpty();
        assertThat(removed).isEmpty();
        assertThat(failures).containsExactly("could not list containers: Docker is not answering");
    }
}
