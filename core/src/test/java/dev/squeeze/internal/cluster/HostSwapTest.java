package dev.squeeze.internal.cluster;

import com.github.dockerjava.api.model.Info;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThat;

/** A node with swap on a host without swap fails by name before any container starts. */
class HostSwapTest {

    private static final long HOST_MEM = 24L << 30;
    private static final NodeSpec SWAPPED = NodeSpec.defaults().withSwap(MemorySize.parse("1Gi"));

    private static Info dockerInfo(Boolean swapLimit) {
        return new Info().withMemTotal(HOST_MEM).withSwapLimit(swapLimit);
    }

    @Test
    void aNodeWithSwapOnAHostWithoutSwapFailsNamingSwapAndTheFix() {
        HostSwap noSwap = new HostSwap(HOST_MEM, 0L);

        assertThatIllegalStateException().isThrownBy(() -> HostSwap.check(SWAPPED, dockerInfo(true), noSwap))
                .withMessageStartingWith("`swap` 1Gi needs swap on the Docker host, but it has none (SwapTotal in"
                        + " /proc/meminfo of the Docker host)")
                .withMessageContaining("mkswap /swapfile && swapon /swapfile")
                .withMessageEndingWith("or remove `swap`");
    }

    @Test
    void lessSwapThanTheNodeAsksForFailsWithWhatTheHostHas() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HostSwap.check(SWAPPED, dockerInfo(true), new HostSwap(HOST_MEM, 512L << 20)))
                .withMessageContaining("but it has 512.0 MiB");
    }

    @Test
    void aKernelWithoutSwapLimitSupportFails() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HostSwap.check(SWAPPED, dockerInfo(false), new HostSwap(HOST_MEM, 2L << 30)))
                .withMessageContaining("SwapLimit: false").withMessageContaining("swapaccount=1");
    }

    @Test
    void enoughSwapOrNoSwapAskedForPasses() {
        assertThatCode(() -> HostSwap.check(SWAPPED, dockerInfo(true), new HostSwap(HOST_MEM, 2L << 30)))
                .doesNotThrowAnyException();
        assertThatCode(() -> HostSwap.check(NodeSpec.defaults(), dockerInfo(false), new HostSwap(HOST_MEM, 0L)))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherMachinesMeminfoSaysNothingAboutTheDockerHost() {
        // a remote daemon or Docker Desktop: this JVM's MemTotal differs, the node checks inside itself instead
        assertThatCode(() -> HostSwap.check(SWAPPED, dockerInfo(true), new HostSwap(8L << 30, 0L)))
                .doesNotThrowAnyException();
        assertThatCode(() -> HostSwap.check(SWAPPED, dockerInfo(true), new HostSwap(null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void readsMemTotalAndSwapTotalFromMeminfo(@TempDir Path dir) throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"),
                "MemTotal:       24683520 kB\nMemFree:        18672000 kB\nSwapTotal:       2097148 kB\n");

        HostSwap read = HostSwap.read(meminfo);

        assertThat(read.memTotalBytes()).isEqualTo(24683520L * 1024);
        assertThat(read.swapTotalBytes()).isEqualTo(2097148L * 1024);
        assertThat(HostSwap.read(dir.resolve("missing"))).isEqualTo(new HostSwap(null, null));
    }

    @Test
    void thePreflightLineSaysWhetherTheHostHasSwap() {
        assertThat(new HostSwap(HOST_MEM, 0L).describe(dockerInfo(true)))
                .isEqualTo("host swap none, swap limit support yes");
        assertThat(new HostSwap(HOST_MEM, 2L << 30).describe(dockerInfo(true))).startsWith("host swap 2.00 GiB");
        assertThat(new HostSwap(8L << 30, 0L).describe(dockerInfo(null)))
                .isEqualTo("host swap unknown (Docker runs on another machine), swap limit support unknown");
    }
}
