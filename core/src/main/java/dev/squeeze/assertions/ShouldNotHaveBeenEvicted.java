package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.PodHistory;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The kubelet evicted pods that should have survived (the wrong victims). */
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
