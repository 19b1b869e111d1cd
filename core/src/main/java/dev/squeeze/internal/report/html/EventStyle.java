package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.EventRecord;
import java.util.List;
import java.util.Set;

/** Which events deserve a marker on the charts and in what colour; every event still appears in the table. */
@API(status = INTERNAL, since = "0.1")
public final class EventStyle {

    private static final Set<String> DAMAGE = Set.of("Evicted", "OOMKilling", "SystemOOM", "Killing", "BackOff",
            "NodeNotReady", "Preempting");
    private static final Set<String> PRESSURE = Set.of("EvictionThresholdMet", "NodeHasInsufficientMemory",
            "FreeDiskSpaceFailed", "Unhealthy");
    private static final Set<String> RELIEF = Set.of("NodeHasSufficientMemory", "NodeReady");

    private EventStyle() {
    }

    static String cssClass(EventRecord e) {
        if (DAMAGE.contains(e.reason())) {
            return "ev-damage";
        }
        if (PRESSURE.contains(e.reason())) {
            return "ev-pressure";
        }
        return RELIEF.contains(e.reason()) ? "ev-relief" : "ev-info";
    }

    /** Events worth a vertical line: anything but routine scheduling and image noise. */
    static List<EventRecord> markers(List<EventRecord> events) {
        return events.stream().filter(e -> !"ev-info".equals(cssClass(e)) || "Warning".equals(e.type())).toList();
    }
}
