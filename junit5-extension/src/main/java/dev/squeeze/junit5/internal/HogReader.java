package dev.squeeze.junit5.internal;

import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.probe.HttpProbeSpec;
import dev.squeeze.junit5.HttpProbe;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.units.MemoryRate;
import dev.squeeze.units.MemorySize;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@link MemoryHog @MemoryHog} on a test method into an {@link ExperimentSpec}, checked. */
final class HogReader {

    private HogReader() {
    }

    /** Empty when an attribute did not parse (the problem is recorded). */
    static Optional<ExperimentSpec> read(Class<?> testClass, Method method, MemoryHog hog, Settings settings,
                                         Problems problems) {
        Subject subject = Subject.annotation(MemoryHog.class,
                " on " + testClass.getSimpleName() + "." + method.getName() + "()");
        Parsing parse = new Parsing(subject, problems);
        Optional<HogSize> size = parse.hogSize("size", hog.size(), hog.basis());
        Optional<MemoryRate> rate = parse.rate("rate", hog.rate());
        Optional<Duration> hold = parse.duration("hold", hog.hold());
        Optional<MemorySize> limit = parse.optionalQuantity("limit", hog.limit());
        Optional<Duration> steady = parse.duration("steadyState", hog.steadyState());
        Optional<Duration> ramp = parse.duration("rampTimeout", hog.rampTimeout());
        Optional<Duration> recoveryTimeout = parse.duration("recoveryTimeout", hog.recoveryTimeout());
        Optional<Duration> recoveryWindow = parse.duration("recoveryWindow", hog.recoveryWindow());
        Optional<HttpProbeSpec> http = http(hog.http(), subject, problems);
        if (List.of(size, rate, hold, limit, steady, ramp, recoveryTimeout, recoveryWindow).stream()
                .anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        HogSpec hogSpec = HogSpec.of(size.get()).withRate(rate.get()).withHold(hold.get())
                .withQos(hog.qos(), limit.get()).withPriorityClassName(hog.priorityClass())
                .withImage(hog.image().isEmpty() ? settings.hogImage() : hog.image());
        List<String> watched = hog.watch().length == 0 ? settings.config().readySelectors() : List.of(hog.watch());
        ExperimentSpec spec = ExperimentSpec.of(ExperimentNames.of(testClass, method), hogSpec)
                .withWatchedPods(watched)
                .withTick(settings.config().tick())
                .withSteadyState(steady.get())
                .withRampTimeout(ramp.get())
                .withRecovery(recoveryTimeout.get(), recoveryWindow.get())
                .withReportDirectory(settings.config().reportDirectory())
                .expecting(hog.expect());
        if (http.isPresent()) {
            spec = spec.withHttpProbe(http.get());
        }
        Optional<dev.squeeze.cluster.NodeSpec> k3sNode = settings.config().existingCluster().isPresent()
                ? Optional.empty() : Optional.of(settings.config().node());
        HogChecks.check(spec, subject, k3sNode, problems);
        return Optional.of(spec);
    }

    private static Optional<HttpProbeSpec> http(HttpProbe http, Subject subject, Problems problems) {
        if (!http.service().isEmpty()) {
            return Optional.of(new HttpProbeSpec(http.service(), http.port(), http.path()));
        }
        if (http.port() != 80 || !http.path().equals("/")) {
            problems.add(subject.attr("http.service"), "must name the Service to probe when http.port or http.path"
                    + " is set", "", "write http = @HttpProbe(service = \"web\", port = " + http.port()
                    + ", path = \"" + http.path() + "\")");
        }
        return Optional.empty();
    }
}
