package dev.squeeze.internal.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerTest {

    @Test
    void labels_name_the_owner_and_read_back() {
        Owner other = new Owner("ci-7", Owner.tagOf("ci-7"), 99, 1_789_999_000L, "0123456789abcdef");

        assertThat(Owner.fromLabels(other.labels())).contains(other);
        assertThat(other.cgroupTag()).matches("h[0-9a-f]{8}-99-t[0-9a-z]+");
    }

    @Test
    void labels_without_an_owner_are_nobody_s() {
        assertThat(Owner.fromLabels(Map.of("org.testcontainers", "true"))).isEmpty();
        assertThat(Owner.fromLabels(Map.of(Owner.LABEL_HOST_TAG, "h00000000", Owner.LABEL_PID, "x",
                Owner.LABEL_START, "1"))).isEmpty();
    }

    @Test
    void an_older_squeeze_s_labels_read_back_without_a_token() {
        Map<String, String> older = Map.of(Owner.LABEL_HOST, "ci-7", Owner.LABEL_HOST_TAG, Owner.tagOf("ci-7"),
                Owner.LABEL_PID, "99", Owner.LABEL_START, "1789999000");

        assertThat(Owner.fromLabels(older)).hasValueSatisfying(o -> assertThat(o.token()).isEmpty());
    }

    @Test
    void two_jvms_with_the_same_host_pid_and_start_second_are_told_apart_by_their_token() {
        // GIVEN two CI jobs on one daemon: host network (same host name), each JVM pid 1 in its own container
        Owner a = new Owner("runner", Owner.tagOf("runner"), 1, 1_790_000_000L, "aaaaaaaaaaaaaaaa");
        Owner b = new Owner("runner", Owner.tagOf("runner"), 1, 1_790_000_000L, "bbbbbbbbbbbbbbbb");

        // THEN only the token says whether an owner is this JVM
        assertThat(a.sameJvm(b)).isFalse();
        assertThat(a.sameJvm(new Owner("runner", a.hostTag(), 1, 1_790_000_000L, a.token()))).isTrue();
        assertThat(new Owner("runner", a.hostTag(), 1, 1, "").sameJvm(new Owner("runner", a.hostTag(), 1, 1, "")))
                .as("no token: never this JVM").isFalse();
    }

    @Test
    void the_current_jvm_reads_its_own_pid_start_and_one_token() {
        Owner me = Owner.current();

        assertThat(me.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(me.startSecond()).isPositive();
        assertThat(me.token()).matches("[0-9a-f]{16}");
        assertThat(me.sameJvm(Owner.current())).isTrue();
    }
}
