package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.internal.report.summary.TimeSpan;
import dev.squeeze.internal.report.summary.Timeline;
import dev.squeeze.units.MemorySize;
import java.time.Instant;
import java.util.List;

/** How node history reads in messages. */
@API(status = INTERNAL, since = "0.1")
public final class NodeEvidence {

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
