package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** One swimlane per watched pod: green Ready, amber not Ready, red terminated; a dot where a container restarted. */
@API(status = INTERNAL, since = "0.1")
public final class ReadinessChart {

    private static final int LANE = 24;
    private static final int BAR = 14;
    private static final int MAX_LABEL = 25;

    private ReadinessChart() {
    }

    static String render(ChaosReport report, TimeAxis axis, List<PodHistory> pods) {
        List<PodHistory> lanes = new ArrayList<>(pods);
        lanes.sort(Comparator.comparingInt(p -> order(p.role())));
        int height = SvgChart.TOP + lanes.size() * LANE + SvgChart.BOTTOM + 4;
        SvgChart chart = new SvgChart(axis, height, "Pod readiness per pod").linear(0, 1)
                .phaseBands(report.phases()).timeTicks();
        for (int i = 0; i < lanes.size(); i++) {
            PodHistory pod = lanes.get(i);
            double y = SvgChart.TOP + 4 + i * LANE;
            String name = pod.name().length() > MAX_LABEL ? pod.name().substring(0, MAX_LABEL - 1) + "…" : pod.name();
            chart.text(TimeAxis.LEFT - 8, y + BAR - 3, "lane", name);
            chart.text(4, y + BAR - 3, "role role-" + pod.role().name().toLowerCase(Locale.ROOT), roleTag(pod.role()));
            List<PodSample> samples = report.pods().stream()
                    .filter(s -> s.name().equals(pod.name()) && s.namespace().equals(pod.namespace())).toList();
            lane(chart, axis, samples, y);
        }
        return chart.events(EventStyle.markers(report.events())).render();
    }

    private static void lane(SvgChart chart, TimeAxis axis, List<PodSample> samples, double y) {
        for (int i = 0; i < samples.size(); i++) {
            PodSample s = samples.get(i);
            Instant end = i + 1 < samples.size() ? samples.get(i + 1).at() : s.at().plusSeconds(1);
            String state = state(s);
            // merge runs of the same state into one rect: fewer elements, cleaner hover titles
            int j = i;
            while (j + 1 < samples.size() && state(samples.get(j + 1)).equals(state)) {
                j++;
                end = j + 1 < samples.size() ? samples.get(j + 1).at() : samples.get(j).at().plusSeconds(1);
            }
            double x0 = axis.x(s.at());
            chart.rect(x0, y, axis.x(end) - x0, BAR, "r-" + state, s.name() + " " + title(state, samples.get(j))
                    + " " + axis.label(s.at()) + " to " + axis.label(end));
            i = j;
        }
        for (int i = 1; i < samples.size(); i++) {
            PodSample prev = samples.get(i - 1);
            PodSample s = samples.get(i);
            if (s.restarts() > prev.restarts()) {
                chart.circle(axis.x(s.at()), y + BAR / 2.0, 5, "restart", axis.label(s.at()) + " container restarted"
                        + " (restart " + s.restarts() + (s.lastTermination() == null ? "" : ", " + s.lastTermination())
                        + ")");
            }
        }
    }

    private static String state(PodSample s) {
        if ("Failed".equals(s.podPhase()) || "Succeeded".equals(s.podPhase()) || "Evicted".equals(s.lastTermination())) {
            return "term";
        }
        return s.ready() ? "ready" : "notready";
    }

    private static String title(String state, PodSample last) {
        return switch (state) {
            case "ready" -> "Ready";
            case "term" -> "terminated (" + last.podPhase()
                    + (last.lastTermination() == null ? "" : ", " + last.lastTermination()) + ")";
            default -> "not Ready (" + last.podPhase()
                    + (last.lastTermination() == null ? "" : ", last termination " + last.lastTermination()) + ")";
        };
    }

    private static String roleTag(PodRole role) {
        return switch (role) {
            case WORKLOAD -> "app";
            case HOG -> "hog";
            case ADMISSION_CHECK -> "check";
            case SYSTEM -> "system";
        };
    }

    private static int order(PodRole role) {
        return switch (role) {
            case WORKLOAD -> 0;
            case HOG -> 1;
            case ADMISSION_CHECK -> 2;
            case SYSTEM -> 3;
        };
    }
}
