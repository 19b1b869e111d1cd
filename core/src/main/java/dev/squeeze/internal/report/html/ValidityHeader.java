package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import static dev.squeeze.internal.report.html.Html.esc;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.SignalCoverage;
import dev.squeeze.internal.report.summary.Timeline;
import dev.squeeze.internal.report.summary.Validity;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The first thing on the page: can this run carry a verdict? A green or red banner with the reason, the phases that
 * did not complete, and the coverage of every tick-grid signal with its unobserved stretches.
 */
@API(status = INTERNAL, since = "0.1")
public final class ValidityHeader {

    private ValidityHeader() {
    }

    static String render(Validity v, Instant origin) {
        StringBuilder h = new StringBuilder("<section class=\"validity ").append(v.valid() ? "ok" : "bad")
                .append("\" id=\"validity\"><div class=\"validity-title\">")
                .append(v.valid() ? "Valid run: memory pressure was applied" : "NOT A VALID RUN")
                .append("</div><div class=\"validity-reason\">").append(esc(v.valid() ? v.pressure() : v.reason()))
                .append("</div>")
                .append(v.wall().isEmpty() ? "" : "<div class=\"validity-wall small" + (v.softWall() ? " warn" : "")
                        + "\">Memory wall: " + esc(v.wall()) + "</div>")
                .append("<div class=\"validity-phases small\">Phases: ")
                .append(v.phasesCompleted() ? "all four completed"
                        : v.phaseProblems().stream().map(Html::esc).collect(Collectors.joining(" · ")))
                .append("</div><table class=\"coverage\"><thead><tr><th>Signal</th><th>Observed ticks</th>"
                        + "<th>Coverage</th><th>Unobserved stretches</th></tr></thead><tbody>");
        for (SignalCoverage c : v.coverage()) {
            h.append("<tr class=\"").append(c.unobserved() == 0 ? "" : "warn-row").append("\"><td>")
                    .append(esc(c.signal())).append("</td><td>").append(c.observed()).append(" / ").append(c.scheduled())
                    .append("</td><td>").append(Timeline.percent(c.percent())).append("</td><td>")
                    .append(c.gaps().isEmpty() ? "none" : c.gaps().stream().limit(4).map(g -> esc(g.describe(origin)))
                            .collect(Collectors.joining("<br>")) + (c.gaps().size() > 4 ? "<br>… and "
                            + (c.gaps().size() - 4) + " more" : ""))
                    .append("</td></tr>");
        }
        return h.append("</tbody></table></section>").toString();
    }
}
