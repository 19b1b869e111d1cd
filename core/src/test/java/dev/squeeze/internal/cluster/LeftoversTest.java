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

/** Reaping cgroup parents on a fake {@code /sys/fs/cgroup}: only those whose owner is gone, in every hierarchy. */
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
}
