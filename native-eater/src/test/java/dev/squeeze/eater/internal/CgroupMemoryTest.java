package dev.squeeze.eater.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupMemoryTest {

    @Test
    void v2_limit_at_the_root_of_a_private_namespace() {
        CgroupLimit limit = CgroupMemory.read(Fixtures.host("v2-limited"));

        assertThat(limit).isInstanceOfSatisfying(CgroupLimit.Limited.class, l -> {
            assertThat(l.bytes()).isEqualTo(512L << 20);
            assertThat(l.file()).endsWith(java.nio.file.Path.of("cgroup", "memory.max"));
        });
    }

    @Test
    void v2_max_is_unlimited() {
        assertThat(CgroupMemory.read(Fixtures.host("v2-unlimited"))).isInstanceOf(CgroupLimit.Unlimited.class);
    }

    @Test
    void v2_a_parent_limit_binds_an_unlimited_child() {
        CgroupLimit limit = CgroupMemory.read(Fixtures.host("v2-nested"));

        assertThat(limit).isInstanceOfSatisfying(CgroupLimit.Limited.class, l -> {
            assertThat(l.bytes()).isEqualTo(3L << 30);
            assertThat(l.file().toString()).endsWith("kubepods.slice/memory.max");
        });
    }

    @Test
    void v1_own_path_missing_below_the_mount_falls_back_to_the_mount_root() {
        CgroupLimit limit = CgroupMemory.read(Fixtures.host("v1-limited"));

        assertThat(limit).isInstanceOfSatisfying(CgroupLimit.Limited.class,
                l -> assertThat(l.bytes()).isEqualTo(256L << 20));
    }

    @Test
    void v1_page_counter_max_is_unlimited_at_every_level() {
        CgroupLimit limit = CgroupMemory.read(Fixtures.host("v1-unlimited"));

        assertThat(limit).isInstanceOfSatisfying(CgroupLimit.Unlimited.class,
                u -> assertThat(u.file().toString()).endsWith("process_api/cad412bf/memory.limit_in_bytes"));
        assertThat(limit.describe()).startsWith("unlimited (");
    }

    @Test
    void no_memory_controller_is_absent() {
        assertThat(CgroupMemory.read(Fixtures.host("none"))).isInstanceOf(CgroupLimit.Absent.class);
    }

    @Test
    void own_path_is_read_from_the_matching_hierarchy() {
        String selfCgroup = "12:pids:/a\n4:cpu,memory:/b/c\n0::/d\n";

        assertThat(CgroupMemory.ownPath(selfCgroup, false)).isEqualTo("/b/c");
        assertThat(CgroupMemory.ownPath(selfCgroup, true)).isEqualTo("/d");
        assertThat(CgroupMemory.ownPath("", true)).isEmpty();
    }

    @Test
    void limits_parse_max_page_counter_max_and_garbage_as_unlimited() {
        assertThat(CgroupMemory.parseLimit("1073741824")).isEqualTo(1L << 30);
        assertThat(CgroupMemory.parseLimit("max")).isZero();
        assertThat(CgroupMemory.parseLimit("9223372036854771712")).isZero();
        assertThat(CgroupMemory.parseLimit("")).isZero();
    }
}
