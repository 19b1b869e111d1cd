package dev.squeeze.assertions;

import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The workload's resource audit is missing or some pods break a resource rule. */
public final class ShouldHaveResources extends ReportMessage {

    private ShouldHaveResources(String expected, List<String> offenders, String report) {
        super("%nExpecting %s%nbut:%n%s", report, expected, lines(offenders));
    }

    public static ErrorMessageFactory shouldHaveResources(String expected, List<String> offenders, String report) {
        return new ShouldHaveResources(expected, offenders, report);
    }
}
