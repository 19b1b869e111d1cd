package dev.squeeze.eater;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The JSON lines are squeeze-core's contract: every field, spelled out. */
class ProgressLineTest {
    private static final String HEAD = "{\"t\":\"2025-11-27T20:42:40.101234Z\",\"elapsedMs\":61,";

    private static ProgressLine.Snapshot snapshot(long touched) {
        return new ProgressLine.Snapshot(Instant.parse("2025-11-27T20:42:40.101234Z"), 61, 268435456, touched,
                OptionalLong.of(40108032));
    }

    @Test
    void start_line_describes_the_run() {
        EaterOptions options = EaterOptions.parse("--size", "256Mi");

        String json = new ProgressLine.Start(snapshot(0), 4242, options, "bytes", OptionalLong.empty(), 4096, "fits")
                .toJson();

        assertThat(json).isEqualTo(HEAD + "\"phase\":\"start\",\"targetBytes\":268435456,\"touchedBytes\":0,"
                + "\"rssBytes\":40108032,\"pid\":4242,\"strategy\":\"populate\",\"rate\":\"max\","
                + "\"rateBytesPerSecond\":null,\"chunkBytes\":1048576,\"size\":\"256Mi\",\"sizeBasis\":\"bytes\","
                + "\"basisBytes\":null,\"hold\":\"forever\",\"holdMillis\":null,\"mlock\":false,\"pageBytes\":4096,"
                + "\"guard\":\"fits\"}");
    }

    @Test
    void start_line_of_a_paced_percentage_with_a_hold() {
        EaterOptions options = new EaterOptions(new SizeSpec.Percent(50, SizeBasis.CGROUP), new Rate.Paced(50L << 20),
                new Hold.For(Duration.ofSeconds(30)), 256L << 10, Strategy.TOUCH, true, false);

        String json = new ProgressLine.Start(snapshot(0), 1, options, "cgroup", OptionalLong.of(536870912), 4096,
                "cgroup-limit").toJson();

        assertThat(json).contains("\"strategy\":\"touch\",\"rate\":\"50Mi/s\",\"rateBytesPerSecond\":52428800,"
                + "\"chunkBytes\":262144,\"size\":\"50%cgroup\",\"sizeBasis\":\"cgroup\",\"basisBytes\":536870912,"
                + "\"hold\":\"PT30S\",\"holdMillis\":30000,\"mlock\":true,\"pageBytes\":4096,\"guard\":\"cgroup-limit\"}");
    }

    @Test
    void ramp_and_hold_samples_have_the_common_fields_only() {
        assertThat(new ProgressLine.Sample(snapshot(1048576), Phase.RAMP).toJson()).isEqualTo(HEAD
                + "\"phase\":\"ramp\",\"targetBytes\":268435456,\"touchedBytes\":1048576,\"rssBytes\":40108032}");
        assertThat(new ProgressLine.Sample(snapshot(268435456), Phase.HOLD).toJson()).isEqualTo(HEAD
                + "\"phase\":\"hold\",\"targetBytes\":268435456,\"touchedBytes\":268435456,\"rssBytes\":40108032}");
    }

    @Test
    void the_first_hold_line_carries_the_fill_time_and_the_strategy_used() {
        String json = new ProgressLine.Filled(snapshot(268435456), 58_491_234L, Strategy.POPULATE).toJson();

        assertThat(json).isEqualTo(HEAD + "\"phase\":\"hold\",\"targetBytes\":268435456,\"touchedBytes\":268435456,"
                + "\"rssBytes\":40108032,\"fillMillis\":58.491,\"strategy\":\"populate\"}");
    }

    @Test
    void released_line_says_why_and_how_much() {
        String json = new ProgressLine.Released(snapshot(0), "signal", 268435456).toJson();

        assertThat(json).isEqualTo(HEAD + "\"phase\":\"released\",\"targetBytes\":268435456,\"touchedBytes\":0,"
                + "\"rssBytes\":40108032,\"reason\":\"signal\",\"releasedBytes\":268435456}");
    }

    @Test
    void failed_line_names_call_and_errno() {
        String json = new ProgressLine.Failed(snapshot(0), "mmap", 12, "ENOMEM", "mmap of 1Ei failed: \"ENOMEM\"")
                .toJson();

        assertThat(json).isEqualTo(HEAD + "\"phase\":\"failed\",\"targetBytes\":268435456,\"touchedBytes\":0,"
                + "\"rssBytes\":40108032,\"call\":\"mmap\",\"errno\":12,\"errnoName\":\"ENOMEM\","
                + "\"error\":\"mmap of 1Ei failed: \\\"ENOMEM\\\"\"}");
    }

    @Test
    void rss_is_null_when_unreadable() {
        ProgressLine.Snapshot blind = new ProgressLine.Snapshot(Instant.EPOCH, 0, 1, 0, OptionalLong.empty());

        assertThat(new ProgressLine.Sample(blind, Phase.RAMP).toJson()).isEqualTo("{\"t\":\"1970-01-01T00:00:00.000000Z\","
                + "\"elapsedMs\":0,\"phase\":\"ramp\",\"targetBytes\":1,\"touchedBytes\":0,\"rssBytes\":null}");
    }
}
