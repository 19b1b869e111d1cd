package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.junit5.internal.Parameters;
import dev.squeeze.junit5.internal.Reports;
import dev.squeeze.junit5.internal.SqueezeRuntime;
import dev.squeeze.workload.WorkloadSpec;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Squeeze Jupiter extension. Usually enabled by {@link ChaosNode @ChaosNode}; register it from code when the node or
 * workload is computed:
 *
 * <pre>{@code
 * class ComputedNodeTest {
 *     @RegisterExtension
 *     static SqueezeExtension squeeze = SqueezeExtension.builder()
 *             .node(NodeSpec.ofMemory(MemorySize.parse("2Gi")))
 *             .workload(WorkloadSpec.of("classpath:k8s/app.yaml").withReadySelectors(List.of("app=web")))
 *             .build();
 *
 *     @Test
 *     @MemoryHog(size = "120%")
 *     void survives(ChaosReport report) { ... }
 * }
 * }</pre>
 *
 * Injects {@link io.fabric8.kubernetes.client.KubernetesClient}, {@link dev.squeeze.cluster.ChaosCluster},
 * {@link dev.squeeze.report.ChaosReport} (the method's {@link MemoryHog @MemoryHog} experiment) and
 * {@link ChaosRunner}. An instance holds only its immutable configuration; everything it starts lives in the JUnit
 * store and is closed in reverse order when its class or method ends, also when a test fails.
 */
@API(status = STABLE, since = "0.1")
public final class SqueezeExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        BeforeTestExecutionCallback, ParameterResolver, TestExecutionExceptionHandler {

    private final Optional<SqueezeConfig> config;
    /** The {@link SqueezeProperties} names whose value the builder set, even to the default: parameters don't apply. */
    private final Set<String> set;

    /** For {@code @ExtendWith} (through {@code @ChaosNode}): configuration comes from annotations. */
    SqueezeExtension() {
        this(Optional.empty(), Set.of());
    }

    private SqueezeExtension(Optional<SqueezeConfig> config, Set<String> set) {
        this.config = config;
        this.set = set;
    }

    /** Starts a configuration from {@link SqueezeConfig#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration given to the builder; empty when configured by annotations. */
    public Optional<SqueezeConfig> config() {
        return config;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return runtime().condition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        runtime().beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        runtime().beforeEach(context);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        runtime().beforeTestExecution(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return Parameters.supports(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Parameters.resolve(parameter, context, runtime());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Reports.pointAtReports(context);
        throw throwable;
    }

    private SqueezeRuntime runtime() {
        return new SqueezeRuntime(config, set, SqueezeExtension.class);
    }

    /** Fluent configuration for {@code @RegisterExtension}; unset values are the defaults. */
    public static final class Builder {

        private SqueezeConfig config = SqueezeConfig.defaults();
        private final List<WorkloadSpec> workloads = new ArrayList<>();
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        public Builder node(NodeSpec node) {
            config = config.withNode(Objects.requireNonNull(node, "node"));
            // a NodeSpec always carries an image: only one other than the default is known to be chosen
            if (node.image().equals(NodeSpec.defaults().image())) {
                set.remove(SqueezeProperties.K3S_IMAGE);
            } else {
                set.add(SqueezeProperties.K3S_IMAGE);
            }
            return this;
        }

        public Builder lifecycle(Lifecycle lifecycle) {
            config = config.withLifecycle(Objects.requireNonNull(lifecycle, "lifecycle"));
            return this;
        }

        /** Whether the node may be shared with other classes of equal node settings; see {@link NodeReuse}. */
        public Builder reuse(NodeReuse reuse) {
            config = config.withReuse(Objects.requireNonNull(reuse, "reuse"));
            return this;
        }

        /** Adds a workload; workloads are deployed in the order added. */
        public Builder workload(WorkloadSpec workload) {
            workloads.add(Objects.requireNonNull(workload, "workload"));
            return this;
        }

        /** Runs on an existing cluster instead of starting k3s (overrides {@value SqueezeProperties#KUBECONFIG}). */
        public Builder existingCluster(ExistingClusterSpec cluster) {
            config = config.withExistingCluster(Optional.of(cluster));
            return this;
        }

        public Builder reportDirectory(Path directory) {
            config = config.withReportDirectory(Objects.requireNonNull(directory, "directory"));
            set.add(SqueezeProperties.REPORT_DIR);
            return this;
        }

        public Builder tick(Duration tick) {
            config = config.withTick(Objects.requireNonNull(tick, "tick"));
            set.add(SqueezeProperties.TICK);
            return this;
        }

        /** The extension; its configuration is checked when the test class starts, with the annotations' checks. */
        public SqueezeExtension build() {
            return new SqueezeExtension(Optional.of(config.withWorkloads(workloads)), Set.copyOf(set));
        }
    }
}
