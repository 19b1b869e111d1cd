package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.SignalCoverage;
import java.time.Instant;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The node went unobserved for part of the chaos, so nothing can be said about it there. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveObservedNode extends ReportMessage {

    private ShouldHaveObservedNode(String node, String expectation, List<SignalCoverage.Gap> gaps, Instant origin,
                                   String report) {
        super("%nExpecting node %s %s during PRESSURE, HOLD and RECOVERY%n"
                        + "but nobody could see it for part of it (more than %s ticks in a row unobserved):%n%s",
                report, node, expectation, String.valueOf(SignalCoverage.TOLERATED_GAP_TICKS),
                lines(gaps.stream().map(g -> g.describe(origin)).toList()));
    }

    public static ErrorMessageFactory shouldHaveObservedNode(String node, String expectation,
                                                             List<SignalCoverage.Gap> gaps, Instant origin,
                                                             String report) {
        return new ShouldHaveObservedNode(node, expectation, gaps, origin, report);
    }
}
