package dev.squeeze.internal.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which nodes of other runs go (only those whose watchdog proved their owner gone), and the cgroup parents that go
 * with them, on a fake {@code /sys/fs/cgroup}.
 */
class LeftoversTest {

    private static final Owner ME = new Owner("runner", Owner.tagOf("runner"), 57, 1_790_000_000L, "aaaaaaaaaaaaaaaa");
    // another CI job on the same daemon: host network, so the same host name; its pid (in its own pid namespace) is
    // not in this JVM's process table
    private static final Owner OTHER = new Owner("runner", ME.hostTag(), 61, 1_790_000_000L, "bbbbbbbbbbbbbbbb");

    @TempDir
    Path root;

    private static Leftovers.Node node(Owner owner, String state, boolean watched) {
        return new Leftovers.Node("569da1f0702e0123", "rancher/k3s:v1.34.4-k3s1", state, owner, watched,
                "squeeze-" + owner.cgroupTag() + "-b7k2x");
    }

    @Test
    void a_running_node_of_another_job_on_this_host_whose_pid_this_jvm_cannot_see_is_left() {
        // GIVEN the other job's live node (the field report: it was force-removed as "killed without cleanup")
        Leftovers.Node live = node(OTHER, "running", true);

        // WHEN this JVM judges it
        Leftovers.Judgement j = Leftovers.judge(live, ME, n -> false);

        // THEN it is left, and the log says why
        assertThat(j.decision()).isEqualTo(Leftovers.Decision.LEAVE);
        assertThat(j.reason()).contains("running", "may be alive", "its watchdog stops it");
    }

    @Test
    void a_node_stopped_by_its_watchdog_goes() {
        Leftovers.Judgement j = Leftovers.judge(node(OTHER, "exited", true), ME, n -> true);

        assertThat(j.decision()).isEqualTo(Leftovers.Decision.REAP);
        assertThat(j.reason()).contains("its watchdog marked it and stopped it", "exited or was killed");
    }

    @Test
    void a_node_whose_watchdog_fired_goes_even_while_k3s_is_still_stopping() {
        Leftovers.Judgement j = Leftovers.judge(node(OTHER, "running", true), ME, n -> true);

        assertThat(j.decision()).isEqualTo(Leftovers.Decision.REAP);
        assertThat(j.reason()).contains("its watchdog marked it when the connection");
    }

    @Test
    void a_node_that_stopped_without_its_watchdog_firing_is_left_with_the_command_to_remove_it() {
        Leftovers.Judgement j = Leftovers.judge(node(OTHER, "exited", true), ME, n -> false);

        assertThat(j.decision()).isEqualTo(Leftovers.Decision.LEAVE);
        assertThat(j.reason()).contains("not by its watchdog", "may still be running", "`docker rm -f 569da1f0702e`");
    }

    @Test
    void a_node_without_a_watchdog_is_never_proven_orphaned() {
        Owner older = new Owner("runner", ME.hostTag(), 61, 1_790_000_000L, "");

        assertThat(Leftovers.judge(node(older, "exited", false), ME, n -> true).decision())
                .isEqualTo(Leftovers.Decision.LEAVE);
        assertThat(Leftovers.judge(node(older, "running", false), ME, n -> true).reason())
                .contains("no owner watchdog", "`docker rm -f 569da1f0702e`");
    }

    @Test
    void this_jvm_s_own_nodes_are_not_leftovers() {
        assertThat(Leftovers.judge(node(ME, "exited", true), ME, n -> true).decision())
                .isEqualTo(Leftovers.Decision.MINE);
    }

    private Path parent(String hierarchy, String name) throws IOException {
        Path p = root.resolve(hierarchy).resolve(name);
        Files.createDirectories(p.resolve("kubepods").resolve("besteffort"));
        return p;
    }

    @Test
    void parents_no_node_names_go_in_every_hierarchy_and_named_ones_stay() throws IOException {
        String gone = "squeeze-h0000000a-61-t1-aaaaa";
        String live = "squeeze-h0000000a-62-t1-bbbbb";
        Path goneMemory = parent("memory", gone);
        Path gonePids = parent("pids", gone);
        Path orphan = parent("memory", "squeeze-h0000000a-63-t1-ccccc");
        Path liveMemory = parent("memory", live);
        // not a Squeeze node's parent: another tool's (CI's multi-node cluster), Docker's own
        Path otherTool = parent("memory", "squeeze-mn-server");
        Path docker = Files.createDirectories(root.resolve("memory").resolve("docker"));
        List<String> failures = new ArrayList<>();

        List<String> removed = CgroupSweep.local(root, Set.of(live), Set.of(gone), failures);

        assertThat(removed).containsExactlyInAnyOrder(goneMemory.toString(), gonePids.toString(), orphan.toString());
        assertThat(List.of(goneMemory, gonePids, orphan)).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(List.of(liveMemory, otherTool, otherTool.resolve("kubepods").resolve("besteffort"), docker))
                .allSatisfy(p -> assertThat(p).isDirectory());
        assertThat(failures).isEmpty();
        assertThat(Leftovers.visible(root, live)).isTrue();
        assertThat(Leftovers.visible(root, gone)).isFalse();
    }

    @Test
    void the_sweep_script_keeps_named_parents_and_removes_deepest_first() {
        String script = CgroupSweep.script(Set.of("squeeze-h0000000a-62-t1-bbbbb"));

        assertThat(script).contains("keep=' squeeze-h0000000a-62-t1-bbbbb '", "/sys/fs/cgroup/*/squeeze-*",
                "squeeze-h????????-*-t*-*) ;; *) continue", "rmtree \"${c%/}\"; done; rmdir \"$1\"");
    }

    @Test
    void a_busy_directory_is_retried_until_it_can_go() throws Exception {
        Path busy = parent("memory", "squeeze-h0000000a-61-t1-eeeee");
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
        Files.createDirectories(root.resolve("memory").resolve("squeeze-mn-worker"));
        Files.createDirectories(root.resolve("memory").resolve("squeeze-b7k2x"));

        assertThat(Leftovers.ownedCgroupDirs(root)).isEmpty();
    }
}
