package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.internal.cluster.K3sCluster;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.Experiment;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.workload.WorkloadDeployer;
import dev.squeeze.workload.WorkloadSpec;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** The real engine: Squeeze core's entry points and Testcontainers' Docker detection. */
final class CoreEngine implements ChaosEngine {

    /**
     * Asks Testcontainers for a client directly: {@code isDockerAvailable()} first would swallow the first failure
     * and leave only Testcontainers' cached "Will not retry" for the second call.
     */
    @Override
    public Optional<RuntimeException> dockerProblem() {
        try {
            DockerClientFactory.instance().client();
            return Optional.empty();
        } catch (RuntimeException e) {
            String testcontainers = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getName());
            return Optional.of(new IllegalStateException(DockerDiagnosis.ofEnvironment() + " (Testcontainers: "
                    + testcontainers + ")", e));
        }
    }

    @Override
    public ChaosCluster startK3s(NodeSpec node) {
        return ChaosCluster.startK3s(node);
    }

    @Override
    public ChaosCluster startK3s(NodeSpec node, Consumer<ChaosCluster> whenNodeReady) {
        return K3sCluster.start(node, whenNodeReady);
    }

    @Override
    public ChaosCluster attach(ExistingClusterSpec cluster) {
        return ChaosCluster.attach(cluster);
    }

    @Override
    public ChaosCluster borrow(ChaosCluster node) {
        return BorrowedNode.of(node);
    }

    @Override
    public Optional<String> unfitForReuse(ChaosCluster node, java.time.Instant lentSince) {
        return NodeFitness.unfit(node, lentSince);
    }

    @Override
    public AutoCloseable deploy(ChaosCluster cluster, WorkloadSpec workload) {
        return WorkloadDeployer.deploy(cluster, workload);
    }

    @Override
    public ChaosReport run(ChaosCluster cluster, ExperimentSpec spec) {
        return Experiment.run(cluster, spec);
    }

    @Override
    public ReportFiles write(ChaosReport report, Path directory) {
        return ReportWriter.write(report, directory);
    }
}
