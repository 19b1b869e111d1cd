package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.squeeze.eater.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkstationGuardTest {
    private static final long GI = 1L << 30;
    // 20000000 kB available in every fixture: 75% of it is 14.3 GiB
    private static final long TOO_MUCH = 16 * GI;

    @Test
    void allows_up_to_75_percent_of_mem_available_on_an_unconfined_machine() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v1-unlimited"));
        long limit = (long) (20000000L * 1024 * 0.75);

        assertThat(WorkstationGuard.check(limit, "limit", false, facts)).isEqualTo("fits");
        assertThat(catchThrowableOfType(UsageException.class,
                () -> WorkstationGuard.check(limit + 1, "limit+1", false, facts))).isNotNull();
    }

    @Test
    void refuses_more_naming_size_memavailable_the_cgroup_and_three_ways_out() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v1-unlimited"));

        UsageException e = catchThrowableOfType(UsageException.class,
                () -> WorkstationGuard.check(TOO_MUCH, "16Gi", false, facts));

        assertThat(e.flag()).isEqualTo("--size");
        assertThat(e.value()).isEqualTo("16Gi");
        assertThat(e).hasMessage("`--size` 16Gi is 16.0 GiB, more than 75% of this machine's available memory "
                + "(MemAvailable 19.1 GiB), and no cgroup memory limit confines this process ("
                + facts.cgroup().describe() + "): filling it could freeze this machine. For example: --size 9765Mi; "
                + "or run it in a container with a memory limit (docker run --memory 2g ...); "
                + "or add --i-know if this machine is meant to suffer.");
    }

    @Test
    void i_know_overrides() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v1-unlimited"));

        assertThat(WorkstationGuard.check(TOO_MUCH, "16Gi", true, facts)).isEqualTo("i-know");
    }

    @Test
    void a_kubernetes_container_is_not_a_workstation() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v2-unlimited", Map.of(Host.KUBERNETES_ENV, "10.43.0.1")));

        assertThat(WorkstationGuard.check(TOO_MUCH, "16Gi", false, facts)).isEqualTo("kubernetes");
    }

    @Test
    void a_cgroup_limit_below_mem_available_confines_the_damage() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v1-limited"));

        assertThat(WorkstationGuard.check(TOO_MUCH, "16Gi", false, facts)).isEqualTo("cgroup-limit");
    }

    @Test
    void a_cgroup_limit_above_mem_available_does_not() {
        HostFacts facts = new HostFacts(new CgroupLimit.Limited(64 * GI, Path.of("memory.max")),
                new ProcFs.MemInfo(32 * GI, 8 * GI), false, 4096);

        assertThat(catchThrowableOfType(UsageException.class,
                () -> WorkstationGuard.check(7 * GI, "7Gi", false, facts))).hasMessageContaining("MemAvailable 8.0 GiB");
    }

    @Test
    void sizes_read_in_gib_or_mib() {
        assertThat(WorkstationGuard.human(3L << 29)).isEqualTo("1.5 GiB");
        assertThat(WorkstationGuard.human(300L << 20)).isEqualTo("300.0 MiB");
    }
}
