package dev.squeeze.internal.cluster;

import dev.squeeze.internal.probe.NodeMemorySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's memory from its wall's cgroup, as the kubelet computes a working set. */
class WallMemoryTest {

    @TempDir
    Path root;

    @Test
    void the_v1_wall_is_read_from_this_host_as_usage_minus_inactive_file() throws IOException {
        Path dir = Files.createDirectories(root.resolve("memory").resolve("squeeze-x"));
        Files.writeString(dir.resolve("memory.usage_in_bytes"), "1500000000\n");
        Files.writeString(dir.resolve("memory.stat"), "cache 400000000\ninactive_file 1\n"
                + "total_inactive_file 300000000\ntotal_active_file 100000000\n");

        NodeMemorySource.Reading r = new WallMemory(null, true, "squeeze-x", root).read();

        assertThat(r.workingSetBytes()).isEqualTo(1_200_000_000L);
        assertThat(r.source()).startsWith("cgroup v1 memory:/squeeze-x usage_in_bytes - total_inactive_file")
                .contains("read from this host's");
    }

    @Test
    void an_unreadable_wall_is_unavailable_with_the_reason_never_zero() throws IOException {
        Path dir = Files.createDirectories(root.resolve("memory").resolve("squeeze-x"));
        Files.writeString(dir.resolve("memory.usage_in_bytes"), "1500000000\n");
        Files.writeString(dir.resolve("memory.stat"), "cache 1\n");

        NodeMemorySource.Reading r = new WallMemory(null, true, "squeeze-x", root).read();

        assertThat(r.workingSetBytes()).isNull();
        assertThat(r.source()).startsWith("unavailable: ").contains("no `total_inactive_file` in memory.stat");
    }

    @Test
    void usage_below_inactive_file_is_zero_not_negative() {
        assertThat(WallMemory.workingSet(100, 300)).isZero();
        assertThat(WallMemory.statValue("a 1\ntotal_inactive_file 42\n", "total_inactive_file")).isEqualTo(42);
        assertThat(WallMemory.statValue("total_inactive_file_x 7\ntotal_inactive_file 42\n", "total_inactive_file"))
                .isEqualTo(42);
    }
}
