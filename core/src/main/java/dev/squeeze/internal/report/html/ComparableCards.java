package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiLatencySlo;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.Cl2Availability;
import dev.squeeze.internal.report.summary.Timeline;
import java.util.stream.Collectors;

/**
 * The "Numbers other tools speak" cards: the API server's availability per probe as ClusterLoader2's
 * {@code APIAvailability} reports it, and the call latency's p99 against the Kubernetes SLO bound of 1 s.
 */
@API(status = INTERNAL, since = "0.1")
public final class ComparableCards {

    private ComparableCards() {
    }

    static String render(ChaosReport report) {
        return "<section id=\"numbers\"><h2>Numbers other tools speak</h2><div class=\"cards\">"
                + cl2("ClusterLoader2 APIAvailability · fresh (host-level)", Cl2Availability.fresh(report))
                + cl2("ClusterLoader2 APIAvailability · pooled (cluster-level)", Cl2Availability.pooled(report))
                + slo(report, ApiLatencySlo.of(report)) + "</div></section>";
    }

    private static String cl2(String title, Cl2Availability c) {
        if (c.availabilityPercentage() == null) {
            return Cards.card(title, "warn", "not observed", "no probes were recorded", "");
        }
        double percent = c.availabilityPercentage();
        String status = percent >= Cl2Availability.THRESHOLD_PERCENT ? "ok" : "bad";
        return Cards.card(title, status, Timeline.percentNear(percent, Cl2Availability.THRESHOLD_PERCENT),
                "availabilityPercentage "
                + String.format(java.util.Locale.ROOT, "%.2f", percent) + " · longestUnavailablePeriod "
                + esc(c.longestUnavailablePeriod()) + "<br>" + c.probes() + " probes every "
                + esc(Cl2Availability.goDuration(c.pollInterval())) + " · CL2's threshold "
                + Timeline.percentBound(Cl2Availability.THRESHOLD_PERCENT), "");
    }

    private static String slo(ChaosReport report, ApiLatencySlo slo) {
        String title = "API call latency SLO · p99 ≤ 1 s (single object)";
        if (slo.calls().isEmpty()) {
            return Cards.card(title, "warn", "not observed", "no pooled calls were recorded", "");
        }
        String worst = slo.worst().stream().map(c -> Timeline.offset(report.started(), c.at()) + " "
                + Timeline.millis(c.latency()) + " (" + c.phase() + ")").map(Html::esc)
                .collect(Collectors.joining(", "));
        return Cards.card(title, slo.met() ? "ok" : "bad", "p99 " + Timeline.millis(slo.p99()),
                (slo.met() ? "met" : "not met") + " over " + slo.calls().size() + " pooled calls, all phases"
                        + "<br>slowest: " + worst, "");
    }
}
