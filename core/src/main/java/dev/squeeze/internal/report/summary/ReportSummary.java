package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The derived numbers of a report in one value: what the JSON {@code summary} block and the HTML header show.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * ReportSummary s = ReportSummary.of(report);
 * s.apiFresh().percent();      // 98.7
 * s.timeToHogFate();           // Optional[PT18S] from pressure start to eviction
 * }</pre>
 *
 * @param apiFresh        the fresh-connection API probe over the whole experiment
 * @param apiPooled       the pooled-connection API probe over the whole experiment
 * @param apiFreshByPhase the fresh probe per phase
 * @param nodes           one history per node
 * @param pods            one history per watched pod
 * @param http            the workload HTTP probe (no ticks when it was not configured)
 * @param validity        whether pressure was applied, phases completed, and coverage per signal
 */
@API(status = INTERNAL, since = "0.1")
public record ReportSummary(ApiAvailability apiFresh, ApiAvailability apiPooled,
                            Map<Phase, ApiAvailability> apiFreshByPhase, List<NodeHistory> nodes,
                            List<PodHistory> pods, HttpSuccess http, Optional<Duration> timeToHogFate,
                            Validity validity) {

    public ReportSummary {
        apiFreshByPhase = Map.copyOf(apiFreshByPhase);
        nodes = List.copyOf(nodes);
        pods = List.copyOf(pods);
    }

    public static ReportSummary of(ChaosReport report) {
        return new ReportSummary(ApiAvailability.fresh(report), ApiAvailability.pooled(report),
                ApiAvailability.freshByPhase(report), NodeHistory.of(report), PodHistory.of(report),
                HttpSuccess.of(report), timeToHogFate(report), Validity.of(report));
    }

    /**
     * From the start of the PRESSURE phase to the moment the hog's fate was observed (eviction, OOM kill...); empty for
     * a hog that SURVIVED the hold, even when it was killed after HOLD (its reason says so).
     */
    private static Optional<Duration> timeToHogFate(ChaosReport report) {
        HogOutcome hog = report.hogOutcome();
        if (hog == null || hog.at() == null || hog.fate() == HogFate.SURVIVED) {
            return Optional.empty();
        }
        return report.phases().stream().filter(p -> p.phase() == Phase.PRESSURE).findFirst()
                .map(p -> Duration.between(p.start(), hog.at()));
    }

    /** Workload pods that were not Ready at some point during pressure, hold or recovery. */
    public List<PodHistory> workloadPodsThatLeftReady() {
        return pods.stream().filter(p -> p.role() == PodRole.WORKLOAD && p.leftReadyDuring()).toList();
    }
}
