package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Pods expected to stay Ready could not be observed for part of the chaos, so staying Ready is not shown. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveBeenObserved extends ReportMessage {

    private ShouldHaveBeenObserved(String selector, List<String> gaps, String report) {
        super("%nExpecting pods matching %s to stay Ready during PRESSURE, HOLD and RECOVERY%n"
                        + "but they were not observed for part of it (the API server did not answer, or the pod was gone):%n%s",
                report, selector, lines(gaps));
    }

    public static ErrorMessageFactory shouldHaveBeenObserved(String selector, List<String> gaps, String report) {
        return new ShouldHaveBeenObserved(selector, gaps, report);
    }
}
