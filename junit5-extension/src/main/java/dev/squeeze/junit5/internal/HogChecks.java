package dev.squeeze.junit5.internal;

import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.probe.HttpProbeSpec;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.QosClass;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.internal.units.Durations;
import dev.squeeze.units.MemorySize;

import java.time.Duration;
import java.util.List;

/** Checks an experiment for combinations that parse but cannot deliver the pressure the test asks for. */
final class HogChecks {

    static final double MAX_PERCENT = 1000;

    private HogChecks() {
    }

    /** @param k3sNode the node Squeeze will start, or empty on an existing cluster */
    static void check(ExperimentSpec spec, Subject subject, java.util.Optional<dev.squeeze.cluster.NodeSpec> k3sNode,
                      Problems problems) {
        HogSpec hog = spec.hog();
        checkSize(hog, subject, problems);
        checkQos(hog, subject, problems);
        if (!hog.priorityClassName().isEmpty() && !Names.isDnsSubdomain(hog.priorityClassName())) {
            problems.add(subject.attr("priorityClass"), "must be a PriorityClass name (lowercase letters, digits,"
                    + " '-' and '.')", hog.priorityClassName(), "write the name as `kubectl get priorityclass` shows it");
        }
        if (!Names.isImage(hog.image())) {
            problems.add(subject.attr("image"), "must be a Docker image name such as eclipse-temurin:25-jre",
                    hog.image(), "correct the name, or leave image unset to use the default JRE image");
        }
        if (hog.hold().isNegative()) {
            problems.add(subject.attr("hold"), "must not be negative", hog.hold(), subject.assign("hold", "30s"));
        }
        WorkloadChecks.selectors(spec.watchedPods(), "watch", subject, problems);
        spec.http().ifPresent(http -> checkHttp(http, subject, problems));
        checkTiming(spec, subject, k3sNode, problems);
    }

    private static void checkSize(HogSpec hog, Subject subject, Problems problems) {
        if (hog.size() instanceof HogSize.Percent percent) {
            if (percent.percent() <= 0 || percent.percent() > MAX_PERCENT) {
                problems.add(subject.attr("size"), "must be a percentage above 0% and at most 1000%",
                        percent(percent.percent()), subject.assign("size", "120%") + " to go 20% past the basis");
            }
            if (percent.basis() == SizeBasis.HOG_LIMIT && hog.limit().isZero()) {
                problems.add(subject.attr("basis"), "must not be HOG_LIMIT without a hog memory `limit` (qos"
                        + " BURSTABLE or GUARANTEED)", "SizeBasis.HOG_LIMIT", "set limit = \"1Gi\" and qos ="
                        + " QosClass.BURSTABLE, or use basis = SizeBasis.NODE_ALLOCATABLE");
            }
        } else if (hog.size() instanceof HogSize.Absolute absolute
                && absolute.size().compareTo(MemorySize.ofMebibytes(1)) < 0) {
            problems.add(subject.attr("size"), "must be at least 1Mi (a bare number means bytes)", absolute.size(),
                    absolute.size().isZero() ? subject.assign("size", List.of("1500Mi", "120%"))
                            : subject.assign("size", absolute.size().bytes() + "Mi") + " if you meant mebibytes");
        }
    }

    /** {@code 120%}, not {@code 120.0%}: the value as the user wrote it. */
    private static String percent(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%";
    }

    private static void checkQos(HogSpec hog, Subject subject, Problems problems) {
        if (hog.qos() == QosClass.GUARANTEED && hog.limit().isZero()) {
            problems.add(subject.attr("limit"), "must be set for qos GUARANTEED (requests = limits)", "",
                    subject.assign("limit", "2Gi") + ", or use qos = QosClass.BEST_EFFORT");
        }
        if (hog.qos() == QosClass.BEST_EFFORT && !hog.limit().isZero()) {
            problems.add(subject.attr("limit"), "must be unset for qos BEST_EFFORT (a BestEffort pod has no limits)",
                    hog.limit(), "remove limit, or use qos = QosClass.BURSTABLE");
        }
    }

    private static void checkHttp(HttpProbeSpec http, Subject subject, Problems problems) {
        if (!Names.isDnsLabel(http.service())) {
            problems.add(subject.attr("http.service"), "must be a Service name (lowercase, starting with a letter)",
                    http.service(), "write the name as `kubectl get service` shows it");
        }
        if (http.port() < 1 || http.port() > 65535) {
            problems.add(subject.attr("http.port"), "must be a port between 1 and 65535", http.port(),
                    "use the Service's port, such as port = 8080");
        }
        if (!http.path().startsWith("/")) {
            problems.add(subject.attr("http.path"), "must start with /", http.path(),
                    "write path = \"/" + http.path() + "\"");
        }
    }

    private static void checkTiming(ExperimentSpec spec, Subject subject,
                                    java.util.Optional<dev.squeeze.cluster.NodeSpec> k3sNode, Problems problems) {
        NodeChecks.positive(subject, "rampTimeout", spec.rampTimeout(), "3m", problems);
        NodeChecks.positive(subject, "recoveryTimeout", spec.recoveryTimeout(), "3m", problems);
        NodeChecks.positive(subject, "recoveryWindow", spec.recoveryWindow(), "15s", problems);
        NodeChecks.positive(subject, "tick", spec.tick(), "1s", problems);
        if (spec.steadyState().isNegative()) {
            problems.add(subject.attr("steadyState"), "must not be negative", spec.steadyState(),
                    subject.assign("steadyState", "5s"));
        }
        if (spec.recoveryWindow().compareTo(spec.recoveryTimeout()) >= 0) {
            problems.add(subject.attr("recoveryWindow"), "must be shorter than recoveryTimeout ("
                            + Durations.format(spec.recoveryTimeout()) + "), or recovery can never be observed",
                    Durations.format(spec.recoveryWindow()), "lower recoveryWindow or raise recoveryTimeout");
        }
        RampCheck.atValidation(spec, k3sNode).ifPresent(problem ->
                problems.add(subject.attrs(java.util.List.of("rate", "rampTimeout")) + " " + problem));
    }
}
