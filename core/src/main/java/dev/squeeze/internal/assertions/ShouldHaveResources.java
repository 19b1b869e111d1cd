package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The workload's resource audit is missing or some pods break a resource rule. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveResources extends ReportMessage {

    private ShouldHaveResources(String expected, List<String> offenders, String report) {
        super("%nExpecting %s%nbut:%n%s", report, expected, lines(offenders));
    }

    public static ErrorMessageFactory shouldHaveResources(String expected, List<String> offenders, String report) {
        return new ShouldHaveResources(expected, offenders, report);
    }
}
