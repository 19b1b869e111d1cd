package dev.squeeze.experiment;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.experiment.ExperimentRun;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFiles;

/**
 * Runs one memory-pressure experiment on a cluster: steady state, pressure (the hog ramps up), hold, recovery;
 * every probe sampled on a fixed tick throughout. Every phase has a timeout and its {@link dev.squeeze.report.PhaseSpan}
 * says how it ended. The hog, its ConfigMap and the admission-check pod are always removed.
 *
 * <pre>{@code
 * try (ChaosCluster cluster = ChaosCluster.startK3s(NodeSpec.ofMemory(MemorySize.parse("2Gi")))) {
 *     ChaosReport report = Experiment.run(cluster, ExperimentSpec.of("eviction",
 *             HogSpec.of(HogSize.percentOf(120, SizeBasis.NODE_ALLOCATABLE))).withWatchedPods(List.of("app=web")));
 * }
 * }</pre>
 *
 * <p>Before pressure, the API server and the watched pods must be healthy, or {@link #run} throws an
 * {@link ExperimentException} ("not steady before chaos") carrying the evidence and the partial report.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Experiment {

    private Experiment() {
    }

    /**
     * Runs the experiment, writes its report files into {@link ExperimentSpec#reportDirectory()} (see
     * {@link #reportFiles}) and returns the report; a phase that times out is marked not completed, the report still
     * comes back.
     *
     * @throws ExperimentException when the API server or a watched pod was unhealthy before chaos, or when the API
     *                              server refused one of Squeeze's own requests (a 4xx such as RBAC's 403, a
     *                              validation 422, a 409, or the hog rejected at admission): the experiment did not
     *                              happen as specified, so there is nothing to judge. Timeouts and connection
     *                              failures during chaos are results, not errors.
     */
    public static ChaosReport run(ChaosCluster cluster, ExperimentSpec spec) {
        return ExperimentRun.run(cluster, spec);
    }

    /** Where {@link #run} writes the JSON and HTML report of {@code spec}. */
    public static ReportFiles reportFiles(ExperimentSpec spec) {
        return ExperimentRun.reportFiles(spec);
    }
}
