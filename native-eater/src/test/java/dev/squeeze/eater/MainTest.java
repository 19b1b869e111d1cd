package dev.squeeze.eater;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.eater.internal.Fixtures;
import dev.squeeze.eater.internal.Host;
import dev.squeeze.eater.internal.Shutdown;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Main#run} against fixture machines: statuses, stderr and the start line. */
class MainTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private ExitStatus run(Host host, String... args) {
        return Main.run(args, host, System.nanoTime(), Shutdown.detached(), new PrintStream(stdout, true),
                new PrintStream(stderr, true));
    }

    private String out() {
        return stdout.toString(StandardCharsets.US_ASCII);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_prints_usage_and_exits_0() {
        assertThat(run(Fixtures.host("v2-limited"), "--help")).isEqualTo(ExitStatus.OK);
        assertThat(out()).isEqualTo(EaterOptions.usage());
    }

    @Test
    void a_usage_error_exits_64_with_the_message_on_stderr_and_nothing_on_stdout() {
        assertThat(run(Fixtures.host("v2-limited"), "--size", "3000MB")).isEqualTo(ExitStatus.USAGE);
        assertThat(ExitStatus.USAGE.code()).isEqualTo(64);
        assertThat(err()).isEqualTo("`--size` must be " + SizeSpec.EXPECTED + ", but was '3000MB'. For example: "
                + "--size 3000M" + System.lineSeparator() + "Run with --help to see every flag." + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void a_percentage_of_an_unlimited_cgroup_exits_64() {
        assertThat(run(Fixtures.host("v2-unlimited"), "--size", "50%cgroup")).isEqualTo(ExitStatus.USAGE);
        assertThat(err()).startsWith("`--size` 50%cgroup needs a cgroup memory limit");
    }

    @Test
    void the_workstation_guard_exits_64() {
        assertThat(run(Fixtures.host("v1-unlimited"), "--size", "16Gi")).isEqualTo(ExitStatus.USAGE);
        assertThat(err()).startsWith("`--size` 16Gi is 16.0 GiB, more than 75% of this machine's available memory");
    }

    @Test
    void a_run_prints_start_ramp_hold_and_released() {
        Host host = Fixtures.host("v2-limited", Map.of());

        assertThat(run(host, "--size", "25%cgroup", "--hold", "0", "--chunk", "16Mi")).isEqualTo(ExitStatus.OK);

        // one ramp line per progress interval: how many depends on how fast this machine fills 128 MiB
        String[] lines = out().split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        int n = lines.length;
        assertThat(lines[0]).contains("\"phase\":\"start\"", "\"targetBytes\":134217728", "\"pid\":"
                + ProcessHandle.current().pid(), "\"size\":\"25%cgroup\"", "\"sizeBasis\":\"cgroup\"",
                "\"basisBytes\":536870912", "\"chunkBytes\":16777216", "\"guard\":\"cgroup-limit\"");
        assertThat(lines[1]).contains("\"phase\":\"ramp\"", "\"touchedBytes\":16777216");
        assertThat(java.util.Arrays.copyOfRange(lines, 1, n - 2)).allSatisfy(
                line -> assertThat(line).contains("\"phase\":\"ramp\""));
        assertThat(lines[n - 2]).contains("\"phase\":\"hold\"", "\"touchedBytes\":134217728", "\"fillMillis\"");
        assertThat(lines[n - 1]).contains("\"phase\":\"released\"", "\"reason\":\"hold-elapsed\"");
        assertThat(err()).isEmpty();
    }
}
