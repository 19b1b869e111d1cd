package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.eater.EaterOptions;
import dev.squeeze.eater.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run loop in-process, with real downcalls on a few MiB. */
class EaterTest {
    private static final long MI = 1L << 20;
    private static Libc libc;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Shutdown shutdown = Shutdown.detached();

    @BeforeAll
    static void link() {
        libc = new Libc();
    }

    @Test
    void fills_holds_for_zero_and_releases() {
        ExitStatus status = eater(8 * MI, "--size", "8Mi", "--hold", "0").run(libc);

        assertThat(status).isEqualTo(ExitStatus.OK);
        List<String> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"phase\":\"ramp\"", "\"touchedBytes\":1048576");
        assertThat(lines.get(1)).contains("\"phase\":\"hold\"", "\"touchedBytes\":8388608", "\"fillMillis\":",
                "\"strategy\":\"populate\"");
        assertThat(lines.get(2)).contains("\"phase\":\"released\"", "\"touchedBytes\":0", "\"reason\":\"hold-elapsed\"",
                "\"releasedBytes\":8388608");
        assertThat(stderr.size()).isZero();
    }

    @Test
    void touches_with_a_small_chunk_and_locks() {
        ExitStatus status = eater(2 * MI, "--size", "2Mi", "--hold", "0", "--strategy", "touch", "--chunk", "64Ki",
                "--mlock").run(libc);

        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(lines().get(1)).contains("\"touchedBytes\":2097152", "\"strategy\":\"touch\"");
    }

    @Test
    void a_partial_last_chunk_is_filled_to_the_byte() {
        eater(MI + 4096, "--size", "1052672", "--hold", "0").run(libc);

        assertThat(lines().get(1)).contains("\"touchedBytes\":1052672");
    }

    @Test
    void paced_fill_keeps_its_schedule() {
        // 8 chunks at 16 MiB/s: the last one is due 7/16 s after the first, and not a nanosecond earlier
        eater(8 * MI, "--size", "8Mi", "--hold", "0", "--rate", "16Mi/s").run(libc);

        double fillMillis = fillMillis(lines());
        assertThat(fillMillis).isGreaterThanOrEqualTo(437.5).isLessThan(437.5 + 1000);
    }

    @Test
    void a_signal_before_the_mapping_releases_nothing() {
        shutdown.request();

        ExitStatus status = eater(8 * MI, "--size", "8Mi").run(libc);

        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(lines()).singleElement().asString()
                .contains("\"phase\":\"released\"", "\"reason\":\"signal\"", "\"releasedBytes\":0");
    }

    @Test
    void a_signal_during_a_forever_hold_releases_and_returns() {
        // the stream plays the signal as soon as the hold begins: no sleeping, no timing
        OutputStream signalOnHold = new OutputStream() {
            @Override
            public void write(int b) {
                stdout.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                stdout.write(b, off, len);
                if (new String(b, off, len, StandardCharsets.US_ASCII).contains("\"phase\":\"hold\"")) {
                    shutdown.request();
                }
            }
        };

        ExitStatus status = eater(new PrintStream(signalOnHold, true), 4 * MI, "--size", "4Mi").run(libc);

        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(lines().getLast()).contains("\"phase\":\"released\"", "\"reason\":\"signal\"",
                "\"releasedBytes\":4194304");
    }

    @Test
    void an_impossible_mapping_fails_with_72_and_a_failed_line() {
        ExitStatus status = eater(1L << 60, "--size", "1Ei", "--i-know").run(libc);

        assertThat(status).isEqualTo(ExitStatus.OS_REFUSED);
        assertThat(lines()).singleElement().asString().contains("\"phase\":\"failed\"", "\"call\":\"mmap\"",
                "\"errno\":12", "\"errnoName\":\"ENOMEM\"", "\"error\":\"mmap of 1Ei failed: ENOMEM");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("mmap of 1Ei failed: ENOMEM (12, ");
    }

    private Eater eater(long target, String... args) {
        return eater(new PrintStream(stdout, true), target, args);
    }

    private Eater eater(PrintStream out, long target, String... args) {
        EaterOptions options = EaterOptions.parse(args);
        Reporter reporter = new Reporter(out, System.nanoTime(), new ProcFs(Path.of("/proc")), target);
        return new Eater(options, target, 4096, reporter, shutdown, new PrintStream(stderr, true));
    }

    private List<String> lines() {
        return Arrays.asList(stdout.toString(StandardCharsets.US_ASCII).split("\n"));
    }

    private static double fillMillis(List<String> lines) {
        String hold = lines.stream().filter(l -> l.contains("fillMillis")).findFirst().orElseThrow();
        String value = hold.substring(hold.indexOf("\"fillMillis\":") + 13);
        return Double.parseDouble(value.substring(0, value.indexOf(',')));
    }
}
