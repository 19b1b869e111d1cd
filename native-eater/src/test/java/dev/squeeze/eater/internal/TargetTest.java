package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.squeeze.eater.SizeSpec;
import dev.squeeze.eater.UsageException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void an_absolute_size_rounds_up_to_whole_pages() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v2-limited"));

        assertThat(Target.resolve(SizeSpec.parse("1500M"), facts).bytes()).isEqualTo(1_500_000_256L);
        assertThat(Target.resolve(SizeSpec.parse("512Mi"), facts))
                .isEqualTo(new Target(512L << 20, "bytes", java.util.OptionalLong.empty()));
    }

    @Test
    void a_percentage_of_the_cgroup_limit() throws IOException {
        Target target = Target.resolve(SizeSpec.parse("50%cgroup"), HostFacts.read(Fixtures.host("v2-limited")));

        assertThat(target.bytes()).isEqualTo(256L << 20);
        assertThat(target.basis()).isEqualTo("cgroup");
        assertThat(target.basisBytes()).hasValue(512L << 20);
    }

    @Test
    void percentages_of_mem_total_and_mem_available() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v1-limited"));

        assertThat(Target.resolve(SizeSpec.parse("100%memtotal"), facts).bytes()).isEqualTo(24684092L * 1024);
        assertThat(Target.resolve(SizeSpec.parse("10%memavailable"), facts).basisBytes()).hasValue(20000000L * 1024);
    }

    @Test
    void a_percentage_of_an_unlimited_cgroup_is_a_usage_error() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("v2-unlimited"));

        UsageException e = catchThrowableOfType(UsageException.class,
                () -> Target.resolve(SizeSpec.parse("50%cgroup"), facts));

        assertThat(e.flag()).isEqualTo("--size");
        assertThat(e.value()).isEqualTo("50%cgroup");
        assertThat(e).hasMessage("`--size` 50%cgroup needs a cgroup memory limit, but this process's cgroup has none: "
                + facts.cgroup().describe() + ". Set resources.limits.memory on the container (docker run --memory 1g), "
                + "or give an absolute size. For example: --size 512Mi");
    }

    @Test
    void a_percentage_of_a_missing_memory_controller_is_a_usage_error_too() throws IOException {
        HostFacts facts = HostFacts.read(Fixtures.host("none"));

        assertThat(catchThrowableOfType(UsageException.class, () -> Target.resolve(SizeSpec.parse("10%cgroup"), facts)))
                .hasMessageContaining("no memory controller under");
    }

    @Test
    void a_percentage_that_comes_to_nothing_is_refused() {
        HostFacts facts = new HostFacts(new CgroupLimit.Limited(100, java.nio.file.Path.of("memory.max")),
                new ProcFs.MemInfo(0, 0), false, 4096);

        assertThat(catchThrowableOfType(UsageException.class, () -> Target.resolve(SizeSpec.parse("0.5%cgroup"), facts)))
                .hasMessage("`--size` 0.5%cgroup comes to 0 bytes: cgroup is 100 bytes here. "
                        + "Ask for more, for example: --size 512Mi");
    }
}
