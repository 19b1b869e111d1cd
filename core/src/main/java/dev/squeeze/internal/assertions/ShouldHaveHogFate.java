package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The hog met another fate than expected (for example OOM-killed instead of evicted: it grew too fast). */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveHogFate extends ReportMessage {

    private ShouldHaveHogFate(HogFate expected, HogOutcome actual, Instant origin, String report) {
        super("%nExpecting the memory hog to have been%n  %s%nbut it was:%n  %s%nwith %s%s",
                report, expected.name(), HogEvidence.fate(actual, origin), HogEvidence.size(actual), hint(expected, actual));
    }

    private static String hint(HogFate expected, HogOutcome actual) {
        if (expected == HogFate.EVICTED && actual != null && actual.fate() == HogFate.OOM_KILLED) {
            return NL + "The kubelet checks eviction every 10 s: a hog that grows by more than the eviction threshold"
                    + " in 10 s is OOM-killed first; lower its rate or raise the threshold";
        }
        return "";
    }

    public static ErrorMessageFactory shouldHaveHogFate(HogFate expected, HogOutcome actual, Instant origin,
                                                        String report) {
        return new ShouldHaveHogFate(expected, actual, origin, report);
    }
}
