package dev.squeeze.internal.cluster;

import dev.squeeze.internal.probe.NodeMemorySource;
import dev.squeeze.report.PressureStall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PSI at the wall: on cgroup v1 the host-wide file, marked so, plus the wall's oom_control and failcnt. */
class WallPressureTest {

    @TempDir
    Path root;

    private Path wallDir() throws IOException {
        Path dir = Files.createDirectories(root.resolve("memory").resolve("squeeze-x"));
        Files.writeString(dir.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        Files.writeString(dir.resolve("memory.failcnt"), "127\n");
        return dir;
    }

    @Test
    void v1_reads_the_host_wide_psi_and_the_walls_counters_from_this_host() throws IOException {
        wallDir();
        Path psi = Files.writeString(root.resolve("pressure-memory"),
                "some avg10=42.10 avg60=9.69 avg300=12.75 total=900277266\n"
                        + "full avg10=30.00 avg60=7.76 avg300=10.29 total=658263736\n");

        PressureStall p = new WallMemory(null, true, "squeeze-x", root, psi).pressure();

        assertThat(p.someAvg10()).isEqualTo(42.1);
        assertThat(p.fullAvg10()).isEqualTo(30.0);
        assertThat(p.someTotalMicros()).isEqualTo(900_277_266L);
        assertThat(p.hostWide()).isTrue();
        assertThat(p.source()).startsWith("host-wide " + psi).contains("cgroup v1 has no per-cgroup PSI");
        assertThat(p.events()).containsEntry("oom_kill", 3L).containsEntry("failcnt", 127L)
                .containsEntry("under_oom", 0L);
        assertThat(p.eventsSource()).startsWith("cgroup v1 memory:/squeeze-x memory.oom_control, memory.failcnt");
    }

    @Test
    void a_kernel_without_psi_is_unavailable_with_the_reason_but_keeps_the_counters() throws IOException {
        wallDir();

        PressureStall p = new WallMemory(null, true, "squeeze-x", root, root.resolve("no-such-file")).pressure();

        assertThat(p.available()).isFalse();
        assertThat(p.someAvg10()).isNull();
        assertThat(p.unavailableReason()).contains("no-such-file is not readable on this host");
        assertThat(p.events()).containsEntry("oom_kill", 3L);
    }

    @Test
    void a_source_without_host_files_says_so() {
        assertThat(NodeMemorySource.unavailable("existing cluster").pressure())
                .isEqualTo(PressureStall.unavailable("remote node, no host files"));
    }

    @Test
    void aNodeWithSwapAddsWhatTheWallHasInSwapAndTheHostWideSwapInAndOut() throws IOException {
        Path dir = wallDir();
        Files.writeString(dir.resolve("memory.usage_in_bytes"), "2147483648\n");
        Files.writeString(dir.resolve("memory.memsw.usage_in_bytes"), "2684354560\n");
        Path psi = Files.writeString(root.resolve("pressure-memory"), "some avg10=1.00 avg60=0 avg300=0 total=1\n");

        PressureStall p = new WallMemory(null, true, "squeeze-x", root, psi, true).pressure();

        assertThat(p.events()).containsEntry("swap", 512L << 20).containsEntry("oom_kill", 3L)
                .containsKeys("host_pswpin", "host_pswpout");
        assertThat(p.eventsSource()).contains("memsw.usage_in_bytes - usage_in_bytes")
                .contains("host-wide /proc/vmstat");
        assertThat(new WallMemory(null, true, "squeeze-x", root, psi).pressure().events()).doesNotContainKey("swap");
    }
}
