package dev.squeeze.assertions;

import dev.squeeze.report.NodeHistory;
import dev.squeeze.report.TimeSpan;
import dev.squeeze.report.Timeline;
import dev.squeeze.units.MemorySize;
import java.time.Instant;
import java.util.List;

/** How node history reads in messages. */
final class NodeEvidence {

    private NodeEvidence() {
    }

    static List<String> spans(List<TimeSpan> spans, Instant origin) {
        return spans.stream().map(s -> "from " + Timeline.offset(origin, s.start())
                + (s.ongoing() ? " until the end (" + Timeline.offset(origin, s.end()) + ", still set)"
                : " to " + Timeline.offset(origin, s.end())) + " (" + Timeline.seconds(s.duration()) + ")").toList();
    }

    static String memory(NodeHistory n, long thresholdBytes, Instant origin) {
        String min = n.minAvailableBytes() == null ? "never reported by the kubelet"
                : MemorySize.ofBytes(n.minAvailableBytes()).toHuman() + " at " + Timeline.offset(origin, n.minAvailableAt());
        return "lowest memory.available " + min + "; eviction threshold "
                + (thresholdBytes == 0 ? "off (no memory eviction configured)" : MemorySize.ofBytes(thresholdBytes).toHuman());
    }
}
