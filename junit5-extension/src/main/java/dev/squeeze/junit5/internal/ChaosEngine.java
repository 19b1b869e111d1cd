package dev.squeeze.junit5.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.workload.WorkloadSpec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the extension asks of Squeeze core, behind one seam so the extension's own tests can check lifecycle,
 * injection and close order without Docker. Production always uses {@link CoreEngine}; only code compiled into this
 * package can replace it (the extension's own tests do, through a package-private hook in {@link SqueezeRuntime}), so
 * no configuration parameter or classpath entry can swap in another engine.
 *
 * <pre>{@code
 * ChaosCluster cluster = engine.startK3s(NodeSpec.defaults());
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public interface ChaosEngine {

    /** Why Docker cannot be used (the exception's message is the real cause), or empty when it can. */
    Optional<RuntimeException> dockerProblem();

    ChaosCluster startK3s(NodeSpec node);

    /**
     * Starts a node and runs {@code whenNodeReady} as soon as the node is Ready and has its namespace, while
     * kube-system comes up (core overlaps the two); returns when both are done. If the hook fails, the node is
     * stopped and the hook's exception thrown. This default runs them one after the other.
     */
    default ChaosCluster startK3s(NodeSpec node, Consumer<ChaosCluster> whenNodeReady) {
        ChaosCluster cluster = startK3s(node);
        try {
            whenNodeReady.accept(cluster);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    ChaosCluster attach(ExistingClusterSpec cluster);

    /**
     * A view of a shared {@code node} for one test class: the same node and client, a namespace of its own; closing
     * the view deletes that namespace (and what runs in it), never the node.
     */
    ChaosCluster borrow(ChaosCluster node);

    /**
     * Why a shared node that an earlier class used must not be handed out again (not Ready, MemoryPressure, allocatable
     * memory not back, pods of the earlier class still there, kube-system pods restarted since {@code lentSince}, not
     * Ready or failed), or empty when it is as good as fresh.
     */
    Optional<String> unfitForReuse(ChaosCluster node, java.time.Instant lentSince);

    /** Deploys and awaits the workload; closing the result deletes it. */
    AutoCloseable deploy(ChaosCluster cluster, WorkloadSpec workload);

    ChaosReport run(ChaosCluster cluster, ExperimentSpec spec);

    ReportFiles write(ChaosReport report, Path directory);
}
