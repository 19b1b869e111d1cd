package dev.squeeze.internal.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerTest {

    private static final Owner ME = new Owner("ci-7", Owner.tagOf("ci-7"), 4711, 1_790_000_000L);

    private static Owner.Processes table(Map<Long, Long> running) {
        return pid -> running.containsKey(pid) ? OptionalLong.of(running.get(pid)) : OptionalLong.empty();
    }

    @Test
    void labels_and_cgroup_names_name_the_owner_and_read_back() {
        Owner other = new Owner("ci-7", Owner.tagOf("ci-7"), 99, 1_789_999_000L);

        assertThat(Owner.fromLabels(other.labels())).contains(other);
        assertThat(Owner.fromCgroupName("squeeze-" + other.cgroupTag() + "-b7k2x"))
                .hasValueSatisfying(o -> assertThat(o).extracting(Owner::hostTag, Owner::pid, Owner::startSecond)
                        .containsExactly(other.hostTag(), 99L, 1_789_999_000L));
        assertThat(other.cgroupTag()).matches("h[0-9a-f]{8}-99-t[0-9a-z]+");
    }

    @Test
    void names_and_labels_without_an_owner_are_nobody_s() {
        assertThat(Owner.fromCgroupName("squeeze-b7k2x")).as("an older run's name").isEmpty();
        assertThat(Owner.fromCgroupName("squeeze-hzzzzzzzz-1-t1-x")).isEmpty();
        assertThat(Owner.fromLabels(Map.of("org.testcontainers", "true"))).isEmpty();
        assertThat(Owner.fromLabels(Map.of(Owner.LABEL_HOST_TAG, "h00000000", Owner.LABEL_PID, "x",
                Owner.LABEL_START, "1"))).isEmpty();
    }

    @Test
    void an_owner_whose_pid_is_gone_is_gone() {
        Owner dead = new Owner("ci-7", ME.hostTag(), 1234, 1_789_000_000L);

        assertThat(dead.goneSeenFrom(ME, table(Map.of()))).isTrue();
    }

    @Test
    void an_owner_whose_pid_now_belongs_to_a_later_process_is_gone() {
        Owner reused = new Owner("ci-7", ME.hostTag(), 1234, 1_789_000_000L);

        assertThat(reused.goneSeenFrom(ME, table(Map.of(1234L, 1_789_500_000L)))).isTrue();
    }

    @Test
    void a_live_owner_is_never_gone_even_if_its_start_time_reads_a_second_off() {
        Owner alive = new Owner("ci-7", ME.hostTag(), 1234, 1_789_000_000L);

        assertThat(alive.goneSeenFrom(ME, table(Map.of(1234L, 1_789_000_001L)))).isFalse();
        assertThat(alive.goneSeenFrom(ME, table(Map.of(1234L, 0L)))).as("start time unknown: keep").isFalse();
        assertThat(ME.goneSeenFrom(ME, table(Map.of()))).as("this very JVM").isFalse();
    }

    @Test
    void an_owner_on_another_host_is_never_gone_seen_from_here() {
        Owner elsewhere = new Owner("ci-8", Owner.tagOf("ci-8"), 1234, 1_789_000_000L);

        assertThat(elsewhere.goneSeenFrom(ME, table(Map.of()))).isFalse();
    }

    @Test
    void an_earlier_jvm_with_this_jvm_s_pid_is_gone() {
        Owner earlier = new Owner("ci-7", ME.hostTag(), ME.pid(), ME.startSecond() - 3600);

        assertThat(earlier.goneSeenFrom(ME, table(Map.of(ME.pid(), ME.startSecond())))).isTrue();
    }

    @Test
    void the_current_jvm_reads_its_own_pid_and_start() {
        Owner me = Owner.current();

        assertThat(me.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(me.startSecond()).isPositive();
        assertThat(me.goneSeenFrom(me, Owner.Processes.SYSTEM)).isFalse();
    }
}
