package dev.squeeze.experiment;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;

import java.util.List;
import java.util.Optional;

/**
 * The experiment could not be run as specified, for example because the workload or the API server was not healthy
 * before chaos. Carries the evidence and, where one could be built, the partial report.
 *
 * <!-- sample(ChaosCluster cluster, ExperimentSpec spec) -->
 * <pre>{@code
 * try {
 *     Experiment.run(cluster, spec);
 * } catch (ExperimentException e) {
 *     e.evidence().forEach(System.err::println);
 *     e.report().ifPresent(r -> System.err.println("partial report: " + Experiment.reportFiles(spec).html()));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ExperimentException extends RuntimeException {

    private final List<String> evidence;
    private final transient ChaosReport report;

    public ExperimentException(String message, List<String> evidence, ChaosReport report) {
        super(message + (evidence.isEmpty() ? "" : ":" + System.lineSeparator() + "  - "
                + String.join(System.lineSeparator() + "  - ", evidence)));
        this.evidence = List.copyOf(evidence);
        this.report = report;
    }

    /** One line per finding, such as {@code pod web-0 was not Ready at +00:03 (Running, 2 restarts)}. */
    public List<String> evidence() {
        return evidence;
    }

    /** The report up to the point the experiment stopped. */
    public Optional<ChaosReport> report() {
        return Optional.ofNullable(report);
    }
}
