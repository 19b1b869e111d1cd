package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.internal.report.summary.Timeline;
import java.util.Locale;

/** The phases as a labelled bar on the shared time axis, so every chart below lines up with it. */
@API(status = INTERNAL, since = "0.1")
public final class PhaseBar {

    private PhaseBar() {
    }

    static String render(ChaosReport report, TimeAxis axis) {
        SvgChart bar = new SvgChart(axis, 58, "Experiment phases").linear(0, 1);
        bar.text(TimeAxis.LEFT - 8, 27, "lane", "phases");
        for (PhaseSpan p : report.phases()) {
            double x0 = axis.x(p.start());
            double w = axis.x(p.end()) - x0;
            String cls = "phase band-" + p.phase().name().toLowerCase(Locale.ROOT) + (p.completed() ? "" : " phase-failed");
            bar.rect(x0, 12, w, 24, cls, p.phase() + " " + axis.label(p.start()) + " to " + axis.label(p.end()) + ": "
                    + p.outcome());
            String name = p.phase() == Phase.STEADY_STATE ? "steady" : p.phase().name().toLowerCase(Locale.ROOT);
            String label = name + " " + Timeline.seconds(p.duration());
            if (fits(w, label)) {
                bar.text(x0 + 6, 28, "phase-label", label);
            } else if (fits(w, name)) {
                bar.text(x0 + 6, 28, "phase-label", name);
            } else if (w > 16) {
                bar.text(x0 + 4, 28, "phase-label", name.substring(0, 1).toUpperCase(Locale.ROOT));
            }
            if (!p.completed()) {
                bar.text(x0 + 6, 50, "phase-outcome", p.outcome());
            }
        }
        return bar.render();
    }

    /** About 6.4 px per character of the 11 px label font, plus padding. */
    private static boolean fits(double width, String label) {
        return width > label.length() * 6.4 + 10;
    }
}
