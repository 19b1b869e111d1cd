package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.PodHistory;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The kubelet evicted pods that should have survived (the wrong victims). */
@API(status = INTERNAL, since = "0.1")
public final class ShouldNotHaveBeenEvicted extends ReportMessage {

    private ShouldNotHaveBeenEvicted(String selector, List<PodHistory> evicted, ChaosReport actual, String report) {
        super("%nExpecting pods matching %s not to be evicted%nbut the kubelet evicted:%n%s",
                report, selector, lines(evicted.stream().map(p -> PodEvidence.eviction(p, actual)).toList()));
    }

    public static ErrorMessageFactory shouldNotHaveBeenEvicted(String selector, List<PodHistory> evicted,
                                                               ChaosReport actual, String report) {
        return new ShouldNotHaveBeenEvicted(selector, evicted, actual, report);
    }
}
