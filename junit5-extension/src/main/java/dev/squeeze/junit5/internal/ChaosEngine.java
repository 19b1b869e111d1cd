package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.workload.WorkloadSpec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the extension asks of Squeeze core, behind one seam so the extension's own tests can check lifecycle,
 * injection and close order without Docker. Production uses {@link CoreEngine}; a test replaces it through the
 * configuration parameter {@value #PARAMETER} (a class name with a no-argument constructor).
 *
 * <pre>{@code
 * EngineTestKit.engine("junit-jupiter").configurationParameter(ChaosEngine.PARAMETER, FakeEngine.class.getName())
 * }</pre>
 */
public interface ChaosEngine {

    /** Internal, for the extension's own tests. */
    String PARAMETER = "squeeze.internal.engine";

    /** Why Docker cannot be used, or empty when it can. */
    Optional<String> dockerProblem();

    ChaosCluster startK3s(NodeSpec node);

    ChaosCluster attach(ExistingClusterSpec cluster);

    /** Deploys and awaits the workload; closing the result deletes it. */
    AutoCloseable deploy(ChaosCluster cluster, WorkloadSpec workload);

    ChaosReport run(ChaosCluster cluster, ExperimentSpec spec);

    ReportFiles write(ChaosReport report, Path directory);
}
