package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.workload.WorkloadSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a Squeeze test class declares, from annotations or from {@link SqueezeExtension#builder()}. A value equal
 * to its default counts as unset, so a configuration parameter (see {@link SqueezeProperties}) can replace it.
 *
 * <pre>{@code
 * SqueezeConfig config = SqueezeConfig.defaults()
 *         .withNode(NodeSpec.ofMemory(MemorySize.parse("3Gi")))
 *         .withWorkloads(List.of(WorkloadSpec.of("classpath:k8s/app.yaml")));
 * }</pre>
 *
 * @param node            the k3s node to start
 * @param lifecycle       one node per class or per method
 * @param workloads       deployed in order once per node
 * @param existingCluster run on this cluster instead of starting k3s
 * @param reportDirectory where JSON and HTML reports are written
 * @param tick            probe sampling period
 * @param reuse           whether the node may be shared with other classes of equal node settings
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SqueezeConfig(NodeSpec node, Lifecycle lifecycle, List<WorkloadSpec> workloads,
                            Optional<ExistingClusterSpec> existingCluster, Path reportDirectory, Duration tick,
                            NodeReuse reuse) {

    public SqueezeConfig {
        workloads = List.copyOf(workloads);
    }

    /** A 2Gi node per class (not shared unless the parameter says so), no workload, reports in {@code target/squeeze-reports}, a 1 s tick. */
    public static SqueezeConfig defaults() {
        return new SqueezeConfig(NodeSpec.defaults(), Lifecycle.PER_CLASS, List.of(), Optional.empty(),
                ExperimentSpec.DEFAULT_REPORT_DIRECTORY, ExperimentSpec.DEFAULT_TICK, NodeReuse.DEFAULT);
    }

    public SqueezeConfig withNode(NodeSpec v) {
        return new SqueezeConfig(v, lifecycle, workloads, existingCluster, reportDirectory, tick, reuse);
    }

    public SqueezeConfig withLifecycle(Lifecycle v) {
        return new SqueezeConfig(node, v, workloads, existingCluster, reportDirectory, tick, reuse);
    }

    public SqueezeConfig withWorkloads(List<WorkloadSpec> v) {
        return new SqueezeConfig(node, lifecycle, v, existingCluster, reportDirectory, tick, reuse);
    }

    public SqueezeConfig withExistingCluster(Optional<ExistingClusterSpec> v) {
        return new SqueezeConfig(node, lifecycle, workloads, v, reportDirectory, tick, reuse);
    }

    public SqueezeConfig withReportDirectory(Path v) {
        return new SqueezeConfig(node, lifecycle, workloads, existingCluster, v, tick, reuse);
    }

    public SqueezeConfig withTick(Duration v) {
        return new SqueezeConfig(node, lifecycle, workloads, existingCluster, reportDirectory, v, reuse);
    }

    public SqueezeConfig withReuse(NodeReuse v) {
        return new SqueezeConfig(node, lifecycle, workloads, existingCluster, reportDirectory, tick, v);
    }

    /** The watched pods of an experiment that names none: every workload's ready selectors. */
    public List<String> readySelectors() {
        return workloads.stream().flatMap(w -> w.readySelectors().stream()).distinct().toList();
    }
}
