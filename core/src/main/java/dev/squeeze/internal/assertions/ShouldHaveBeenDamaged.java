package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.PodHistory;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The damage side for broken configurations: pods were expected to suffer (OOM kill, restart, eviction, NotReady)
 * but came through untouched.
 */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveBeenDamaged extends ReportMessage {

    private ShouldHaveBeenDamaged(String selector, String damage, List<PodHistory> pods, ChaosReport actual,
                                  String report) {
        super("%nExpecting at least one pod matching %s to show %s%nbut none did:%n%s",
                report, selector, damage, lines(pods.stream().map(p -> PodEvidence.damage(p, actual)).toList()));
    }

    /** {@code damage} names what was expected, such as "an OOM kill" or "a restart, eviction or NotReady stretch". */
    public static ErrorMessageFactory shouldHaveBeenDamaged(String selector, String damage, List<PodHistory> pods,
                                                            ChaosReport actual, String report) {
        return new ShouldHaveBeenDamaged(selector, damage, pods, actual, report);
    }
}
