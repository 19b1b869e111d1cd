package dev.squeeze.internal.pressure;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EaterLineTest {

    // verbatim from the eater's ProgressLine documentation: the schema both modules agree on
    static final String START = "{\"t\":\"2025-11-27T20:42:40.101234Z\",\"elapsedMs\":61,\"phase\":\"start\",\"targetBytes\":268435456,\"touchedBytes\":0,\"rssBytes\":40108032,\"pid\":4242,\"strategy\":\"populate\",\"rate\":\"max\",\"rateBytesPerSecond\":null,\"chunkBytes\":1048576,\"size\":\"256Mi\",\"sizeBasis\":\"bytes\",\"basisBytes\":null,\"hold\":\"forever\",\"holdMillis\":null,\"mlock\":false,\"pageBytes\":4096,\"guard\":\"fits\"}";
    static final String RAMP = "{\"t\":\"2025-11-27T20:42:40.243011Z\",\"elapsedMs\":203,\"phase\":\"ramp\",\"targetBytes\":268435456,\"touchedBytes\":1048576,\"rssBytes\":47185920}";
    static final String HOLD = "{\"t\":\"2025-11-27T20:42:40.301502Z\",\"elapsedMs\":261,\"phase\":\"hold\",\"targetBytes\":268435456,\"touchedBytes\":268435456,\"rssBytes\":314572800,\"fillMillis\":58.491,\"strategy\":\"populate\"}";
    static final String FAILED = "{\"t\":\"2025-11-27T20:42:41.0Z\",\"elapsedMs\":900,\"phase\":\"failed\",\"targetBytes\":268435456,\"touchedBytes\":1048576,\"rssBytes\":null,\"call\":\"mmap\",\"errno\":12,\"errnoName\":\"ENOMEM\",\"error\":\"mmap of 256Mi failed\"}";

    @Test
    void parses_every_field_of_a_ramp_line() {
        EaterLine line = EaterLine.parse(RAMP).orElseThrow();

        assertThat(line.t()).isEqualTo(Instant.parse("2025-11-27T20:42:40.243011Z"));
        assertThat(line.elapsedMs()).isEqualTo(203);
        assertThat(line.phase()).isEqualTo("ramp");
        assertThat(line.targetBytes()).isEqualTo(268435456L);
        assertThat(line.touchedBytes()).isEqualTo(1048576L);
        assertThat(line.rssBytes()).isEqualTo(47185920L);
        assertThat(line.holding()).isFalse();
        assertThat(line.toSample().eaterPhase()).isEqualTo("ramp");
    }

    @Test
    void start_and_hold_lines_with_extra_fields_parse() {
        assertThat(EaterLine.parse(START)).hasValueSatisfying(l -> assertThat(l.phase()).isEqualTo("start"));
        assertThat(EaterLine.parse(HOLD)).hasValueSatisfying(l -> assertThat(l.holding()).isTrue());
    }

    @Test
    void failed_line_keeps_the_call_and_errno_and_tolerates_null_rss() {
        EaterLine line = EaterLine.parse(FAILED).orElseThrow();

        assertThat(line.error()).isEqualTo("mmap: ENOMEM mmap of 256Mi failed");
        assertThat(line.rssBytes()).isZero();
    }

    @Test
    void lines_that_are_not_progress_lines_are_not_parsed() {
        for (String other : List.of("", "Exception in thread \"main\" java.lang.UnsatisfiedLinkError",
                "{not json", "{\"phase\":\"ramp\"}", "{\"elapsedMs\":1}", "[1,2]")) {
            assertThat(EaterLine.parse(other)).as(other).isEmpty();
        }
    }

    @Test
    void follower_keeps_each_line_once_and_remembers_other_output() {
        var observations = new dev.squeeze.internal.probe.Observations();
        HogFollower follower = new HogFollower(null, "ns", "hog", observations);

        follower.accept(List.of(START, RAMP));
        follower.accept(List.of(START, RAMP, HOLD, "OpenJDK warning: something"));

        assertThat(observations.hog()).extracting(s -> s.eaterPhase()).containsExactly("start", "ramp", "hold");
        assertThat(follower.reachedHold()).isTrue();
        assertThat(follower.peakTouchedBytes()).isEqualTo(268435456L);
        assertThat(follower.otherLines()).containsExactly("OpenJDK warning: something");
        assertThat(follower.progress()).isEqualTo("256.0 MiB / 256.0 MiB (hold)");
    }
}
