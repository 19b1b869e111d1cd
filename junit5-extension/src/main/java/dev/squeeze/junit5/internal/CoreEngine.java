package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.Experiment;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.report.ReportWriter;
import dev.squeeze.workload.WorkloadDeployer;
import dev.squeeze.workload.WorkloadSpec;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.Optional;

/** The real engine: Squeeze core's entry points and Testcontainers' Docker detection. */
final class CoreEngine implements ChaosEngine {

    @Override
    public Optional<String> dockerProblem() {
        DockerClientFactory docker = DockerClientFactory.instance();
        if (docker.isDockerAvailable()) {
            return Optional.empty();
        }
        try {
            docker.client();
            return Optional.of("Testcontainers found no usable Docker environment");
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return Optional.of(message.lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    @Override
    public ChaosCluster startK3s(NodeSpec node) {
        return ChaosCluster.startK3s(node);
    }

    @Override
    public ChaosCluster attach(ExistingClusterSpec cluster) {
        return ChaosCluster.attach(cluster);
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
