package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

/** A report without samples of the kind asserted on: failing beats passing vacuously. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveSamples extends ReportMessage {

    private ShouldHaveSamples(String what, String report) {
        super("%nExpecting %s samples in the report%nbut there were none, so nothing can be asserted about them"
                + " (did the probe run? see the report's notes and phases)", report, what);
    }

    public static ErrorMessageFactory shouldHaveSamples(String what, String report) {
        return new ShouldHaveSamples(what, report);
    }
}
