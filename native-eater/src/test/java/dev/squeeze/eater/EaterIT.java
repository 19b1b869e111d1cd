package dev.squeeze.eater;

import static dev.squeeze.eater.EaterProcess.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built jar as a pod runs it: a child process, observed from outside. */
class EaterIT {
    private static final long MI = 1L << 20;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void fills_256_mi_holds_it_resident_at_no_cpu_and_releases_on_sigterm_within_a_second() throws Exception {
        try (EaterProcess eater = EaterProcess.start("--size", "256Mi")) {
            // GIVEN the hold phase began
            String filled = eater.awaitLine("the first hold line", l -> l.contains("\"fillMillis\""), PATIENCE);
            assertThat(field(filled, "touchedBytes")).isEqualTo(Long.toString(256 * MI));

            // THEN the kernel counts the memory as resident, seen from outside
            assertThat(EaterProcess.statusKib(eater.pid(), "VmRSS")).isGreaterThanOrEqualTo((long) (0.95 * 256 * MI));

            // AND holding costs no CPU: at most 5% between two once-a-second hold lines
            String first = eater.awaitLine("a periodic hold line", l -> isHold(l) && !l.contains("fillMillis"), PATIENCE);
            long ticks = EaterProcess.cpuTicks(eater.pid());
            String next = eater.awaitLine("the hold line after " + first,
                    l -> isHold(l) && elapsedMs(l) > elapsedMs(first), PATIENCE);
            long windowMs = elapsedMs(next) - elapsedMs(first);
            assertThat(EaterProcess.cpuTicks(eater.pid()) - ticks).as("CPU ticks in %d ms of hold", windowMs)
                    .isLessThanOrEqualTo(Math.max(2, windowMs / 200));

            // WHEN SIGTERM
            long sent = System.nanoTime();
            eater.sigterm();

            // THEN exit 0 within a second, having released the memory and said so
            assertThat(eater.process().waitFor(1, TimeUnit.SECONDS)).as("exited within 1 s of SIGTERM").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
            assertThat(eater.process().exitValue()).isZero();
            List<String> lines = eater.allLines();
            assertThat(lines.getFirst()).contains("\"phase\":\"start\"", "\"pid\":" + eater.pid());
            assertThat(lines.getLast()).contains("\"phase\":\"released\"", "\"reason\":\"signal\"",
                    "\"releasedBytes\":" + 256 * MI);
            assertThat(eater.stderr()).as("stderr: no native-access warning, no note").isEmpty();
        }
    }

    private static boolean isHold(String line) {
        return line.contains("\"phase\":\"hold\"");
    }

    private static long elapsedMs(String line) {
        return Long.parseLong(field(line, "elapsedMs"));
    }

    @Test
    void paced_fill_takes_size_over_rate() throws Exception {
        try (EaterProcess eater = EaterProcess.start("--size", "256Mi", "--rate", "128Mi/s", "--hold", "0")) {
            assertThat(eater.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(eater.process().exitValue()).isZero();

            List<String> lines = eater.allLines();
            String filled = lines.stream().filter(l -> l.contains("fillMillis")).findFirst().orElseThrow();
            double fillMillis = Double.parseDouble(field(filled, "fillMillis"));
            // the last chunk starts at (256 - 1) Mi / 128 Mi/s = 1992 ms: never earlier, and late only by load
            assertThat(fillMillis).isGreaterThanOrEqualTo(1992.0).isCloseTo(2000.0, within(500.0));
            assertThat(lines.stream().filter(l -> l.contains("\"phase\":\"ramp\""))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(lines.getLast()).contains("\"phase\":\"released\"", "\"reason\":\"hold-elapsed\"");
        }
    }

    @Test
    void sigterm_during_a_paced_ramp_releases_what_was_filled_and_exits_0() throws Exception {
        try (EaterProcess eater = EaterProcess.start("--size", "1Gi", "--rate", "64Mi/s", "--strategy", "touch")) {
            eater.awaitPhase("ramp", PATIENCE);

            eater.sigterm();

            assertThat(eater.process().waitFor(1, TimeUnit.SECONDS)).as("exited within 1 s of SIGTERM").isTrue();
            assertThat(eater.process().exitValue()).isZero();
            String released = eater.allLines().getLast();
            assertThat(released).contains("\"phase\":\"released\"", "\"reason\":\"signal\"");
            assertThat(Long.parseLong(field(released, "releasedBytes"))).isPositive().isLessThan(1L << 30);
        }
    }

    @Test
    void touch_strategy_fills_too() throws Exception {
        try (EaterProcess eater = EaterProcess.start("--size", "64Mi", "--strategy", "touch", "--hold", "0")) {
            assertThat(eater.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(eater.process().exitValue()).isZero();
            assertThat(eater.allLines()).anySatisfy(l -> assertThat(l).contains("\"touchedBytes\":" + 64 * MI,
                    "\"fillMillis\"", "\"strategy\":\"touch\""));
        }
    }

    @Test
    void a_usage_error_exits_64_and_explains_on_stderr() throws Exception {
        try (EaterProcess eater = EaterProcess.start("--size", "3000MB")) {
            assertThat(eater.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(eater.process().exitValue()).isEqualTo(64);
            assertThat(eater.allLines()).isEmpty();
            assertThat(eater.stderr()).startsWith("`--size` must be a Kubernetes quantity").contains("--size 3000M");
        }
    }

    @Test
    void an_mmap_failure_exits_72_with_the_errno() throws Exception {
        try (EaterProcess eater = EaterProcess.start("--size", "1Ei", "--i-know")) {
            assertThat(eater.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(eater.process().exitValue()).isEqualTo(72);
            assertThat(eater.allLines().getLast()).contains("\"phase\":\"failed\"", "\"call\":\"mmap\"",
                    "\"errnoName\":\"ENOMEM\"");
            assertThat(eater.stderr()).startsWith("mmap of 1Ei failed: ENOMEM (12, Cannot allocate memory)");
        }
    }

    @Test
    void help_exits_0() throws Exception {
        try (EaterProcess eater = EaterProcess.start("--help")) {
            assertThat(eater.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(eater.process().exitValue()).isZero();
            assertThat(String.join("\n", eater.allLines())).startsWith("Usage: java -jar squeeze-native-eater.jar");
        }
    }
}
