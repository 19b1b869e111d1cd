package dev.squeeze.internal.probe;

import dev.squeeze.report.EventRecord;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventMappingTest {

    private static final Instant START = Instant.parse("2026-11-27T21:00:00Z");

    private static Event event(String uid, String ns, String type, String reason, String kind, String name, int count,
                               String last) {
        return new EventBuilder().withNewMetadata().withUid(uid).withNamespace(ns).endMetadata()
                .withType(type).withReason(reason).withMessage(" " + reason + " message ").withCount(count)
                .withLastTimestamp(last)
                .withNewInvolvedObject().withKind(kind).withNamespace(ns).withName(name).endInvolvedObject()
                .build();
    }

    @Test
    void evicted_event_keeps_its_annotations_and_time() {
        Event evicted = new EventBuilder(event("u1", "squeeze", "Warning", "Evicted", "Pod", "squeeze-hog-x", 1,
                "2026-11-27T21:00:42Z")).editMetadata()
                .withAnnotations(Map.of("starved_resource", "memory", "offending_containers", "eater")).endMetadata()
                .build();

        EventRecord r = EventMapping.toRecord(evicted).orElseThrow();

        assertThat(r.at()).isEqualTo(Instant.parse("2026-11-27T21:00:42Z"));
        assertThat(r.reason()).isEqualTo("Evicted");
        assertThat(r.objectKind()).isEqualTo("Pod");
        assertThat(r.objectName()).isEqualTo("squeeze-hog-x");
        assertThat(r.message()).isEqualTo("Evicted message");
        assertThat(r.annotations()).containsEntry("starved_resource", "memory");
    }

    @Test
    void routine_normal_events_are_left_out_and_memory_transitions_kept() {
        assertThat(EventMapping.toRecord(event("u", "ns", "Normal", "Pulled", "Pod", "p", 1, null))).isEmpty();
        assertThat(EventMapping.toRecord(event("u", "ns", "Normal", "Scheduled", "Pod", "p", 1, null))).isEmpty();
        assertThat(EventMapping.toRecord(event("u", "default", "Normal", "NodeHasInsufficientMemory", "Node", "n", 1, null)))
                .isPresent();
        assertThat(EventMapping.toRecord(event("u", "default", "Warning", "SystemOOM", "Node", "n", 1, null)))
                .isPresent();
    }

    @Test
    void probe_records_each_occurrence_once_and_only_its_scope() {
        EventProbe probe = new EventProbe(null, "squeeze", "node-1", START, new Observations());
        String t = "2026-11-27T21:00:10Z";
        Event oom = event("u1", "squeeze", "Warning", "OOMKilling", "Pod", "web-0", 1, t);
        Event oomAgain = event("u1", "squeeze", "Warning", "OOMKilling", "Pod", "web-0", 2, "2026-11-27T21:00:20Z");
        Event nodeEvent = event("u2", "default", "Warning", "EvictionThresholdMet", "Node", "node-1", 1, t);
        Event otherNode = event("u3", "default", "Warning", "EvictionThresholdMet", "Node", "node-2", 1, t);
        Event otherPod = event("u4", "default", "Warning", "BackOff", "Pod", "unrelated", 1, t);
        Event old = event("u5", "squeeze", "Warning", "BackOff", "Pod", "web-0", 1, "2026-11-27T20:00:00Z");

        List<EventRecord> first = probe.accept(List.of(oom, nodeEvent, otherNode, otherPod, old));
        List<EventRecord> second = probe.accept(List.of(oom, oomAgain, nodeEvent));

        assertThat(first).extracting(EventRecord::reason).containsExactly("OOMKilling", "EvictionThresholdMet");
        assertThat(first).extracting(EventRecord::objectName).containsExactly("web-0", "node-1");
        assertThat(second).extracting(EventRecord::at).containsExactly(Instant.parse("2026-11-27T21:00:20Z"));
    }

    @Test
    void stats_summary_reads_node_and_pod_memory() {
        String json = """
                {"node":{"nodeName":"n","memory":{"time":"2026-11-27T21:00:00Z","availableBytes":431000000,
                  "usageBytes":1700000000,"workingSetBytes":1600000000}},
                 "pods":[{"podRef":{"name":"web-0","namespace":"squeeze","uid":"x"},"memory":{"workingSetBytes":52000000}},
                         {"podRef":{"name":"no-memory","namespace":"squeeze"}}]}
                """;

        StatsSummary s = StatsSummary.parse(json);

        assertThat(s.availableBytes()).isEqualTo(431_000_000L);
        assertThat(s.workingSetBytes()).isEqualTo(1_600_000_000L);
        assertThat(s.podWorkingSet()).containsExactly(Map.entry("squeeze/web-0", 52_000_000L));
        assertThat(s.memoryTime()).as("when the kubelet took the stats").isEqualTo(START);
        assertThat(StatsSummary.parse("{}").availableBytes()).isNull();
    }

    @Test
    void stats_summary_takes_the_pods_allocatable_figure_when_it_is_nearer_to_eviction() {
        String json = """
                {"node":{"memory":{"availableBytes":17000000000,"workingSetBytes":7000000000},
                  "systemContainers":[{"name":"kubelet","memory":{"workingSetBytes":90000000}},
                                      {"name":"pods","memory":{"availableBytes":510000000,"workingSetBytes":900000000}}]}}
                """;

        assertThat(StatsSummary.parse(json).availableBytes()).isEqualTo(510_000_000L);
    }

    @Test
    void an_events_microsecond_time_wins_over_its_second_truncated_last_timestamp_and_says_so() {
        // GIVEN an Evicted event written by an events.k8s.io/v1 recorder (eventTime in microseconds, the legacy
        // lastTimestamp truncated to the second), and a legacy one with only lastTimestamp
        Event micro = new EventBuilder(event("u1", "squeeze", "Warning", "Evicted", "Pod", "squeeze-hog-x", 1,
                "2026-11-27T21:00:42Z")).withNewEventTime("2026-11-27T21:00:42.738211Z").build();
        Event legacy = event("u2", "squeeze", "Warning", "Evicted", "Pod", "squeeze-hog-y", 1, "2026-11-27T21:00:42Z");

        // WHEN
        EventRecord precise = EventMapping.toRecord(micro).orElseThrow();
        EventRecord coarse = EventMapping.toRecord(legacy).orElseThrow();

        // THEN
        assertThat(precise.at()).isEqualTo(Instant.parse("2026-11-27T21:00:42.738211Z"));
        assertThat(precise.clock()).isEqualTo(EventRecord.EVENT_TIME);
        assertThat(coarse.at()).isEqualTo(Instant.parse("2026-11-27T21:00:42Z"));
        assertThat(coarse.clock()).isEqualTo(EventRecord.LAST_TIMESTAMP);
        assertThat(coarse.secondResolution()).isTrue();
    }
}
