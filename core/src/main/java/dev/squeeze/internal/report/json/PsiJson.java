package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.PsiSummary;
import dev.squeeze.report.PressureStall;
import static dev.squeeze.internal.report.json.JsonEncoder.instant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON of {@link PressureStall} (per node sample, read back) and {@link PsiSummary} (the summary's, derived). */
@API(status = INTERNAL, since = "0.1")
public final class PsiJson {

    private PsiJson() {
    }

    /** A node sample's {@code psi}; {@code null} for a tick without a reading. */
    static ObjectNode sample(JsonEncoder json, PressureStall p) {
        if (p == null) {
            return null;
        }
        ObjectNode o = json.object();
        o.put("source", p.source());
        o.put("someAvg10", p.someAvg10());
        o.put("fullAvg10", p.fullAvg10());
        o.put("someTotalMicros", p.someTotalMicros());
        o.put("fullTotalMicros", p.fullTotalMicros());
        o.put("eventsSource", p.eventsSource());
        ObjectNode events = o.putObject("events");
        p.events().forEach(events::put);
        return o;
    }

    static PressureStall sample(JsonNode o) {
        if (o.isMissingNode() || o.isNull()) {
            return null;
        }
        Map<String, Long> events = new LinkedHashMap<>();
        o.path("events").properties().forEach(e -> events.put(e.getKey(), e.getValue().asLong()));
        return new PressureStall(text(o, "source"), dbl(o, "someAvg10"), dbl(o, "fullAvg10"),
                lng(o, "someTotalMicros"), lng(o, "fullTotalMicros"), text(o, "eventsSource"), events);
    }

    /** The summary's {@code nodes[].psi} of the target node: the numbers, or {@code {"unavailable": reason}}. */
    static ObjectNode summary(JsonEncoder json, PsiSummary s) {
        ObjectNode o = json.object();
        if (!s.available()) {
            o.put("unavailable", s.unavailable());
        } else {
            o.put("source", s.source());
            o.put("hostWide", s.hostWide());
            o.put("readings", s.readings());
            o.put("maxSomeAvg10", s.maxSomeAvg10());
            instant(o, "maxSomeAt", s.maxSomeAt());
            o.put("maxFullAvg10", s.maxFullAvg10());
            instant(o, "maxFullAt", s.maxFullAt());
            o.put("someStallMicros", s.someStallMicros());
            o.put("fullStallMicros", s.fullStallMicros());
        }
        if (s.eventsSource() != null) {
            o.put("eventsSource", s.eventsSource());
            ObjectNode deltas = o.putObject("eventDeltas");
            s.eventDeltas().forEach(deltas::put);
            o.put("underOomSeen", s.underOomSeen());
        }
        return o;
    }

    /** Another node's {@code psi}: only the target's wall is read. */
    static ObjectNode notTarget(JsonEncoder json) {
        ObjectNode o = json.object();
        o.put("unavailable", "not sampled: PSI is read at the target node's memory wall only");
        return o;
    }


    private static String text(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }

    private static Double dbl(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asDouble();
    }

    private static Long lng(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asLong();
    }
}
