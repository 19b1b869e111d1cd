package dev.squeeze.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** PSI files and memory cgroup counters as the kernel writes them (recorded from real hosts). */
class PressureStallTest {

    private static final String HOST = "host-wide /proc/pressure/memory";

    @Test
    void a_psi_file_gives_some_and_full_avg10_and_totals() {
        // GIVEN /proc/pressure/memory of this machine under the neighbours' load
        String text = "some avg10=0.00 avg60=9.69 avg300=12.75 total=900277266\n"
                + "full avg10=3.25 avg60=7.76 avg300=10.29 total=658263736\n";
        // WHEN
        PressureStall p = PressureStall.parsePressure(HOST, text);
        // THEN
        assertThat(p.available()).isTrue();
        assertThat(p.hostWide()).isTrue();
        assertThat(p.someAvg10()).isEqualTo(0.0);
        assertThat(p.fullAvg10()).isEqualTo(3.25);
        assertThat(p.someTotalMicros()).isEqualTo(900_277_266L);
        assertThat(p.fullTotalMicros()).isEqualTo(658_263_736L);
        assertThat(p.unavailableReason()).isNull();
    }

    @Test
    void a_cgroup_file_with_only_some_keeps_full_unknown_not_zero() {
        PressureStall p = PressureStall.parsePressure("cgroup v2 memory.pressure",
                "some avg10=12.50 avg60=0.00 avg300=0.98 total=510165968");
        assertThat(p.someAvg10()).isEqualTo(12.5);
        assertThat(p.fullAvg10()).isNull();
        assertThat(p.fullTotalMicros()).isNull();
        assertThat(p.hostWide()).isFalse();
    }

    @Test
    void text_without_psi_lines_is_unavailable_with_the_reason() {
        PressureStall p = PressureStall.parsePressure(HOST, "cat: /proc/pressure/memory: Operation not supported");
        assertThat(p.available()).isFalse();
        assertThat(p.someAvg10()).isNull();
        assertThat(p.unavailableReason()).isEqualTo("host-wide /proc/pressure/memory has no `some avg10=` line:"
                + " cat: /proc/pressure/memory: Operation not supported");
        assertThat(PressureStall.unavailable("remote node, no host files").source())
                .isEqualTo("unavailable: remote node, no host files");
    }

    @Test
    void v2_memory_events_are_counters_by_name() {
        Map<String, Long> events = PressureStall.parseCounters("low 0\nhigh 17\nmax 4\noom 1\noom_kill 1\noom_group_kill 0\n");
        assertThat(events).containsExactly(Map.entry("low", 0L), Map.entry("high", 17L), Map.entry("max", 4L),
                Map.entry("oom", 1L), Map.entry("oom_kill", 1L), Map.entry("oom_group_kill", 0L));
    }

    @Test
    void v1_oom_control_and_failcnt_are_counters_by_name() {
        Map<String, Long> events = PressureStall.parseV1Events("oom_kill_disable 0\nunder_oom 1\noom_kill 2\n", "381\n");
        assertThat(events).containsExactly(Map.entry("oom_kill_disable", 0L), Map.entry("under_oom", 1L),
                Map.entry("oom_kill", 2L), Map.entry("failcnt", 381L));
        assertThat(PressureStall.parseV1Events("oom_kill_disable 0\nunder_oom 0\n", "")).doesNotContainKey("failcnt");
    }
}
