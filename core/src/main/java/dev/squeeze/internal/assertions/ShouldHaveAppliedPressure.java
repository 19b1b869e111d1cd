package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.Validity;
import org.assertj.core.error.ErrorMessageFactory;

/** A survival assertion on a run in which no memory pressure was applied: its verdict would prove nothing. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveAppliedPressure extends ReportMessage {

    private ShouldHaveAppliedPressure(String judging, Validity validity, String report) {
        super("%nExpecting memory pressure to have been applied before judging %s%nbut %s%nPhases:%n%s%n"
                        + "Fix the hog (see the report's notes), or, if this test means to judge a run without pressure,"
                        + " say so: assertThat(report).allowingNoPressure()",
                report, judging, validity.reason(),
                lines(validity.phaseProblems().isEmpty() ? java.util.List.of("all completed") : validity.phaseProblems()));
    }

    public static ErrorMessageFactory shouldHaveAppliedPressure(String judging, Validity validity, String report) {
        return new ShouldHaveAppliedPressure(judging, validity, report);
    }
}
