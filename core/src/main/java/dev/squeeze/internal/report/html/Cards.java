package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.Cl2Availability;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.internal.report.summary.HttpSuccess;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.internal.report.summary.PodCoverage;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.report.PodRole;
import dev.squeeze.internal.report.summary.ReportSummary;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The verdict-ish cards at the top: one number per question a reader asks first, coloured ok / warn / bad. */
@API(status = INTERNAL, since = "0.1")
public final class Cards {

    private final ChaosReport report;
    private final ReportSummary summary;
    private final Instant origin;
    private final StringBuilder html = new StringBuilder("<section class=\"cards\">");

    private Cards(ChaosReport report, ReportSummary summary) {
        this.report = report;
        this.summary = summary;
        this.origin = report.started();
    }

    static String render(ChaosReport report, ReportSummary summary) {
        Cards c = new Cards(report, summary);
        c.api("API server · fresh TLS /readyz", summary.apiFresh());
        c.api("API server · pooled GET", summary.apiPooled());
        c.hog();
        c.pressure();
        c.pods();
        c.http();
        return c.html.append("</section>").toString();
    }

    private void api(String title, ApiAvailability a) {
        if (!a.hasSamples()) {
            card(title, "warn", "n/a", "no samples were recorded");
            return;
        }
        String status = a.failures() == 0 ? "ok" : a.percent() >= Cl2Availability.THRESHOLD_PERCENT ? "warn" : "bad";
        String detail = a.longestOutage().map(o -> "longest gap " + Timeline.seconds(o.duration()) + " at "
                + Timeline.offset(origin, o.start()) + " (" + o.phase() + ")<br>").orElse("no gaps<br>")
                + a.failures() + " failed of " + a.ticks() + " ticks · p50 " + millis(a.latency(), a.latency().p50())
                + " · p99 " + millis(a.latency(), a.latency().p99());
        card(title, status, Timeline.percentNear(a.percent(), Cl2Availability.THRESHOLD_PERCENT), detail);
    }

    private void hog() {
        HogOutcome hog = report.hogOutcome();
        if (hog == null) {
            card("Memory hog", "warn", "unknown", "the report has no hog outcome");
            return;
        }
        String status = switch (hog.fate()) {
            case EVICTED -> "ok";
            case OOM_KILLED, SURVIVED -> "warn";
            default -> "bad";
        };
        String when = summary.timeToHogFate().map(d -> " after " + Timeline.seconds(d) + " of pressure").orElse("");
        String detail = (hog.reason().isEmpty() ? "" : esc(hog.reason()) + "<br>") + "peak " + Html.bytes(hog.peakBytes())
                + " of " + Html.bytes(hog.targetBytes()) + (hog.reachedTarget() ? " (target reached)" : " (target not reached)")
                + esc(when) + (hog.restarts() > 0 ? "<br>" + hog.restarts() + " restarts" : "");
        card("Memory hog", status, hog.fate().name().replace('_', ' '), detail);
    }

    private void pressure() {
        List<NodeHistory> nodes = summary.nodes();
        if (nodes.isEmpty()) {
            card("Node", "warn", "n/a", "no node samples were recorded");
            return;
        }
        NodeHistory n = nodes.get(0);
        String ready = n.stayedReady() ? "Ready throughout" : !n.notReadySpans().isEmpty()
                ? "NotReady " + n.notReadySpans().size() + "×" : "unobserved " + n.blindSpotsDuringChaos().size() + "×";
        String tail = "<br>" + ready + " · min available " + Html.bytes(n.minAvailableBytes()) + " · lease max gap "
                + Timeline.seconds(n.leaseMaxGap());
        if (!n.hadMemoryPressure()) {
            card("MemoryPressure", n.stayedReady() ? "warn" : "bad", "never", "the node never reported it" + tail);
            return;
        }
        String seen = "seen " + Timeline.offset(origin, n.pressureFirstSeen().orElseThrow());
        String cleared = n.pressureCleared().map(c -> "cleared " + Timeline.offset(origin, c)).orElse("never cleared");
        String flaps = n.flapped() ? " · flapped " + n.pressureSpans().size() + "×" : "";
        card("MemoryPressure", n.pressureCleared().isPresent() && n.stayedReady() ? "ok" : "bad",
                n.pressureCleared().isPresent() ? "seen, cleared" : "stuck", seen + " · " + cleared + flaps + tail);
    }

    private void pods() {
        List<PodHistory> workload = summary.pods().stream().filter(p -> p.role() == PodRole.WORKLOAD).toList();
        if (workload.isEmpty()) {
            card("Workload pods", "warn", "none", "no workload pods were watched");
            return;
        }
        List<PodHistory> left = summary.workloadPodsThatLeftReady();
        List<String> unobserved = workload.stream().flatMap(p -> PodCoverage.gaps(report, p).stream()).toList();
        if (left.isEmpty() && !unobserved.isEmpty()) {
            card("Workload pods", "warn", "unobserved", "not seen for part of the chaos (API down or pod gone)<br>"
                    + unobserved.stream().limit(3).map(Html::esc).collect(Collectors.joining("<br>")));
            return;
        }
        int restarts = workload.stream().mapToInt(PodHistory::restarts).sum();
        String detail = left.isEmpty() ? "all stayed Ready" : left.stream().flatMap(p -> p.describeNotReady(origin).stream())
                .limit(3).map(Html::esc).collect(Collectors.joining("<br>"));
        card("Workload pods", left.isEmpty() && restarts == 0 ? "ok" : "bad",
                (workload.size() - left.size()) + " / " + workload.size() + " Ready",
                detail + "<br>" + restarts + " restarts");
    }

    private void http() {
        HttpSuccess h = summary.http();
        if (!h.hasSamples()) {
            card("HTTP probe", "off", "off", "no HTTP probe configured");
            return;
        }
        String codes = h.statusCodes().entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(" "));
        String errors = h.errors().entrySet().stream().limit(2).map(e -> esc(e.getKey()) + " ×" + e.getValue())
                .collect(Collectors.joining("<br>"));
        card("HTTP probe", h.failures() == 0 ? "ok" : h.percent() >= Cl2Availability.THRESHOLD_PERCENT ? "warn" : "bad",
                Timeline.percentNear(h.percent(), Cl2Availability.THRESHOLD_PERCENT),
                codes + (errors.isEmpty() ? "" : "<br>" + errors) + "<br>p99 " + millis(h.latency(), h.latency().p99()));
    }

    /** A percentile of {@code l}, or n/a when nothing answered (never a 0 ms that no call took). */
    private static String millis(dev.squeeze.internal.report.summary.Latencies l, java.time.Duration percentile) {
        return l.count() == 0 ? "n/a" : Timeline.millis(percentile);
    }

    /** {@code detail} is trusted HTML built here from escaped parts. */
    private void card(String title, String status, String value, String detail) {
        html.append(card(title, status, value, detail, ""));
    }

    /** One card; {@code detail} is trusted HTML, {@code id} an optional element id. */
    static String card(String title, String status, String value, String detail, String id) {
        return "<div class=\"card " + status + "\"" + (id.isEmpty() ? "" : " id=\"" + id + "\"")
                + "><div class=\"card-title\">" + esc(title) + "</div><div class=\"card-value\">" + esc(value)
                + "</div><div class=\"card-detail\">" + detail + "</div></div>";
    }
}
