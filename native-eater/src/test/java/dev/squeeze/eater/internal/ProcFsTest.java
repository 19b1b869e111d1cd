package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    @Test
    void reads_vm_rss_from_status() {
        ProcFs proc = new ProcFs(Fixtures.host("v2-limited").procRoot());

        assertThat(proc.rssBytes()).hasValue(314972L * 1024);
    }

    @Test
    void vm_rss_is_empty_when_absent_or_unreadable(@TempDir Path empty) {
        assertThat(ProcFs.vmRss("Name:\tkthreadd\nState:\tS\n")).isEmpty();
        assertThat(new ProcFs(empty).rssBytes()).isEmpty();
    }

    @Test
    void kib_fields_match_whole_names_only() {
        String text = "MemTotal:  100 kB\nMemAvailable:\t  7 kB\n";

        assertThat(ProcFs.kibField(text, "MemTotal:")).hasValue(102400);
        assertThat(ProcFs.kibField(text, "MemAvailable:")).hasValue(7168);
        assertThat(ProcFs.kibField(text, "Available:")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void reads_mem_total_and_available() throws IOException {
        ProcFs.MemInfo info = new ProcFs(Fixtures.host("v1-limited").procRoot()).memInfo();

        assertThat(info.totalBytes()).isEqualTo(24684092L * 1024);
        assertThat(info.availableBytes()).isEqualTo(20000000L * 1024);
    }

    @Test
    void reads_the_page_size_from_the_auxiliary_vector(@TempDir Path proc) throws IOException {
        ByteBuffer auxv = ByteBuffer.allocate(16 * 3).order(ByteOrder.nativeOrder());
        auxv.putLong(33).putLong(0x7fff0000L);   // AT_SYSINFO_EHDR
        auxv.putLong(6).putLong(16384);           // AT_PAGESZ
        auxv.putLong(0).putLong(0);               // AT_NULL
        Files.createDirectories(proc.resolve("self"));
        Files.write(proc.resolve("self/auxv"), auxv.array());

        assertThat(new ProcFs(proc).pageSize()).isEqualTo(16384);
    }

    @Test
    void page_size_falls_back_to_4k_and_matches_the_kernel_live(@TempDir Path empty) {
        assertThat(new ProcFs(empty).pageSize()).isEqualTo(4096);
        assertThat(new ProcFs(Path.of("/proc")).pageSize()).isPositive().isEqualTo(new ProcFs(Path.of("/proc")).pageSize());
    }
}
