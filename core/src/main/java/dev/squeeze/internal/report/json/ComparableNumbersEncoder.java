package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.internal.report.summary.ApiLatencySlo;
import dev.squeeze.internal.report.summary.Cl2Availability;
import dev.squeeze.internal.report.summary.ReactionTimes;
import dev.squeeze.report.ChaosReport;
import static dev.squeeze.internal.report.json.JsonEncoder.instant;
import static dev.squeeze.internal.report.json.JsonEncoder.millis;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the summary's numbers other tools speak ({@code api.clusterloader2}, {@code api.latencySlo}) and the node's
 * {@code reactionTimes}. A moment or duration that was not observed is {@code null}, never 0.
 */
@API(status = INTERNAL, since = "0.1")
public final class ComparableNumbersEncoder {

    private final JsonEncoder json;

    ComparableNumbersEncoder(JsonEncoder json) {
        this.json = json;
    }

    /** Adds the three blocks to the summary {@code o} (its {@code api} object must exist). */
    void addTo(ObjectNode summary, ChaosReport report) {
        ObjectNode api = (ObjectNode) summary.get("api");
        api.set("clusterloader2", clusterloader2(report));
        api.set("latencySlo", latencySlo(ApiLatencySlo.of(report)));
        ArrayNode reactions = summary.putArray("reactionTimes");
        ReactionTimes.of(report).forEach(r -> reactions.add(reaction(r)));
    }

    private ObjectNode clusterloader2(ChaosReport report) {
        ObjectNode o = json.object();
        o.put("measurement", Cl2Availability.MEASUREMENT);
        o.set(ApiAvailability.FRESH, cl2(Cl2Availability.fresh(report)));
        o.set(ApiAvailability.POOLED, cl2(Cl2Availability.pooled(report)));
        return o;
    }

    private ObjectNode cl2(Cl2Availability c) {
        ObjectNode o = json.object();
        o.put("availabilityPercentage", c.availabilityPercentage());
        o.put("longestUnavailablePeriod", c.availabilityPercentage() == null ? null : c.longestUnavailablePeriod());
        o.put("probes", c.probes());
        o.put("pollInterval", Cl2Availability.goDuration(c.pollInterval()));
        return o;
    }

    private ObjectNode latencySlo(ApiLatencySlo slo) {
        ObjectNode o = json.object();
        o.put("probe", ApiAvailability.POOLED);
        o.put("calls", slo.calls().size());
        o.put("p99Millis", slo.calls().isEmpty() ? null : millis(slo.p99()));
        o.put("p99BoundMillis", millis(ApiLatencySlo.P99_BOUND));
        o.put("met", slo.met());
        ArrayNode worst = o.putArray("worst");
        for (ApiLatencySlo.Call c : slo.worst()) {
            ObjectNode w = worst.addObject();
            instant(w, "at", c.at());
            w.put("phase", c.phase() == null ? null : c.phase().name());
            w.put("latencyMillis", millis(c.latency()));
            w.put("error", c.error());
        }
        return o;
    }

    private ObjectNode reaction(ReactionTimes r) {
        ObjectNode o = json.object();
        o.put("node", r.node());
        instant(o, "pressureStart", r.pressureStart());
        o.put("evictionThresholdBytes", r.thresholdBytes());
        instant(o, "thresholdCrossed", r.thresholdCrossed());
        o.put("thresholdCrossedAfterPressureStartMillis", ms(r.sincePressureStart(r.thresholdCrossed())));
        instant(o, "memoryPressureReported", r.memoryPressureReported());
        o.put("memoryPressureAfterPressureStartMillis", ms(r.sincePressureStart(r.memoryPressureReported())));
        instant(o, "firstEviction", r.firstEviction());
        o.put("firstEvictionAfterPressureStartMillis", ms(r.sincePressureStart(r.firstEviction())));
        o.put("thresholdClock", r.thresholdClock());
        o.put("memoryPressureClock", r.memoryPressureClock());
        o.put("firstEvictionClock", r.evictionClock());
        o.put("thresholdToMemoryPressureMillis", ms(r.thresholdToMemoryPressure()));
        o.put("thresholdToMemoryPressureStep", ReactionTimes.step(r.thresholdCrossed(), r.thresholdClock(),
                r.memoryPressureReported(), r.memoryPressureClock()));
        o.put("memoryPressureToEvictionMillis", ms(r.memoryPressureToEviction()));
        o.put("memoryPressureToEvictionStep", ReactionTimes.step(r.memoryPressureReported(), r.memoryPressureClock(),
                r.firstEviction(), r.evictionClock()));
        o.put("thresholdToEvictionMillis", ms(r.thresholdToEviction()));
        o.put("thresholdToEvictionStep", ReactionTimes.step(r.thresholdCrossed(), r.thresholdClock(),
                r.firstEviction(), r.evictionClock()));
        instant(o, "leaseLastRenewedBeforeLongestGap", r.leaseLastRenewedBeforeGap());
        o.put("leaseLongestGapMillis", r.leaseLongestGap() == null ? null : r.leaseLongestGap().toMillis());
        o.put("nodeMonitorGracePeriodMillis", r.gracePeriod().toMillis());
        o.put("leaseMarginMillis", ms(r.leaseMargin()));
        return o;
    }

    private static Long ms(Optional<Duration> d) {
        return d.map(Duration::toMillis).orElse(null);
    }
}
