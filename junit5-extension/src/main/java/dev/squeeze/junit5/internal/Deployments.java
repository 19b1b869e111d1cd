package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.workload.WorkloadSpec;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workloads deployed on one cluster, deleted in reverse order of deployment. Stored after the cluster, so the
 * store closes it first: workloads go before the node they run on.
 */
@SuppressWarnings("deprecation") // CloseableResource: see StartedCluster
final class Deployments implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

    private final List<AutoCloseable> deployed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Deployments(List<AutoCloseable> deployed) {
        this.deployed = List.copyOf(deployed);
    }

    /** Deploys in order; if one fails, those already deployed are deleted before the failure propagates. */
    static Deployments deploy(ChaosEngine engine, ChaosCluster cluster, List<WorkloadSpec> workloads) {
        List<AutoCloseable> done = new ArrayList<>();
        try {
            for (WorkloadSpec workload : workloads) {
                LOG.info("Squeeze: deploying {} and waiting up to {} for {} to be Ready", workload.manifests(),
                        workload.readyTimeout(), workload.readySelectors());
                done.add(engine.deploy(cluster, workload));
            }
            return new Deployments(done);
        } catch (RuntimeException e) {
            new Deployments(done).close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!deployed.isEmpty()) {
            LOG.info("Squeeze: deleting {} workload(s)", deployed.size());
        }
        RuntimeException failure = null;
        for (int i = deployed.size() - 1; i >= 0; i--) {
            try {
                deployed.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Squeeze could not delete a workload: " + e.getMessage()
                            + ". Fix: on k3s nothing (the node goes with it); on an existing cluster delete the"
                            + " experiment's namespace by hand (kubectl get namespaces)", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
