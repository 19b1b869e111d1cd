package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.experiment.ExperimentException;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.junit5.Lifecycle;
import dev.squeeze.junit5.SqueezeConfig;
import dev.squeeze.junit5.SqueezeExtension;
import dev.squeeze.report.ChaosReport;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.platform.commons.support.ReflectionSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the extension does at each callback; {@code SqueezeExtension} delegates every callback here.
 *
 * <pre>{@code
 * new SqueezeRuntime(Optional.empty()).beforeAll(context); // validates, then starts a per-class node
 * }</pre>
 * Holds no state of its own: settings, cluster, workloads and reports live
 * in the {@link Store} under the extension's namespace, in the context whose lifetime matches theirs (the top-level
 * class for {@link Lifecycle#PER_CLASS}, the test method for {@link Lifecycle#PER_METHOD}), so JUnit closes them
 * in reverse order of creation, whatever the outcome.
 */
public final class SqueezeRuntime {

    static final Namespace NAMESPACE = Namespace.create(SqueezeExtension.class);
    private static final Logger LOG = LoggerFactory.getLogger(SqueezeRuntime.class);
    private static final Pattern INVOCATION = Pattern.compile("invocation:#(\\d+)]");
    private static final String SETTINGS = "settings";
    private static final String EXPERIMENTS = "experiments";
    private static final String CLUSTER = "cluster";
    private static final String WORKLOADS = "workloads";
    private static final String REPORT = "report";
    private static final String ENGINE = "engine";

    private final Optional<SqueezeConfig> built;

    /** @param built the config of a {@code SqueezeExtension.builder()} extension; empty for annotations */
    public SqueezeRuntime(Optional<SqueezeConfig> built) {
        this.built = built;
    }

    /** Validates the class's settings and every {@code @MemoryHog} method, then starts a per-class node. */
    public void beforeAll(ExtensionContext context) {
        Problems problems = new Problems();
        Store ownerStore = owner(context).getStore(NAMESPACE);
        Settings known = ownerStore.get(SETTINGS, Settings.class);
        Settings settings = known != null ? known : reader(context).read(ownerClass(context), built, problems);
        Map<Method, ExperimentSpec> experiments =
                reader(context).experiments(context.getRequiredTestClass(), settings, problems);
        problems.throwIfAny(context.getRequiredTestClass().getName());
        ownerStore.put(SETTINGS, settings);
        context.getStore(NAMESPACE).put(EXPERIMENTS, new Experiments(experiments));
        if (settings.config().lifecycle() == Lifecycle.PER_CLASS) {
            cluster(context);
        }
    }

    /** Starts a per-method node before the method's {@code @BeforeEach} methods can use it. */
    public void beforeEach(ExtensionContext context) {
        if (settings(context).config().lifecycle() == Lifecycle.PER_METHOD) {
            cluster(context);
        }
    }

    /** Runs the method's {@code @MemoryHog} experiment, after {@code @BeforeEach} and before the body. */
    public void beforeTestExecution(ExtensionContext context) {
        Experiments experiments = context.getStore(NAMESPACE).get(EXPERIMENTS, Experiments.class);
        Optional<ExperimentSpec> spec = Optional.ofNullable(experiments)
                .flatMap(e -> e.of(context.getRequiredTestMethod()));
        if (spec.isPresent()) {
            ExperimentSpec named = spec.get().withName(spec.get().name() + invocationSuffix(context));
            ChaosReport report = run(context, cluster(context), named);
            context.getStore(NAMESPACE).put(REPORT, report);
        }
    }

    /** The report of the method's {@code @MemoryHog} experiment, if it ran. */
    Optional<ChaosReport> report(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(REPORT, ChaosReport.class));
    }

    boolean hasExperiment(ExtensionContext context, Method method) {
        Experiments experiments = context.getStore(NAMESPACE).get(EXPERIMENTS, Experiments.class);
        return experiments != null && experiments.of(method).isPresent();
    }

    /** The cluster of this context's scope, started (and its workloads deployed) on first use. */
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: the one spelling both Jupiter 5.14 and 6 accept
    public ChaosCluster cluster(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext scope = Scopes.clusterScope(context, settings.config().lifecycle());
        Store store = scope.getStore(NAMESPACE);
        String owner = Scopes.describe(scope);
        ChaosCluster cluster = store.getOrComputeIfAbsent(CLUSTER,
                key -> new StartedCluster(start(context, settings, owner), owner), StartedCluster.class).cluster();
        store.getOrComputeIfAbsent(WORKLOADS,
                key -> Deployments.deploy(engine(context), cluster, settings.config().workloads()), Deployments.class);
        return cluster;
    }

    /** Runs one experiment, writes its report (also a partial one when the experiment failed) and publishes it. */
    public ChaosReport run(ExtensionContext context, ChaosCluster cluster, ExperimentSpec spec) {
        LOG.info("Squeeze: experiment {} on node {}: {}", spec.name(), cluster.nodeName(), spec.hog().describe());
        ChaosReport report;
        try {
            report = engine(context).run(cluster, spec);
        } catch (ExperimentException e) {
            e.report().ifPresent(partial -> Reports.publish(context, engine(context), partial, spec));
            Reports.pointAtReports(context);
            throw e;
        }
        Reports.publish(context, engine(context), report, spec);
        return report;
    }

    /** Validated settings of the top-level class; read on first use (constructor injection can come first). */
    @SuppressWarnings("deprecation")
    Settings settings(ExtensionContext context) {
        return owner(context).getStore(NAMESPACE).getOrComputeIfAbsent(SETTINGS, key -> {
            Problems problems = new Problems();
            Settings settings = reader(context).read(ownerClass(context), built, problems);
            problems.throwIfAny(ownerClass(context).getName());
            return settings;
        }, Settings.class);
    }

    /** Skips without Docker, unless an existing cluster is configured. */
    @SuppressWarnings("deprecation")
    public Optional<String> dockerProblem(ExtensionContext context) {
        if (reader(context).existingClusterConfigured(built)) {
            return Optional.empty();
        }
        return owner(context).getStore(NAMESPACE).getOrComputeIfAbsent("docker",
                key -> new DockerCheck(engine(context).dockerProblem()), DockerCheck.class).problem();
    }

    @SuppressWarnings("deprecation")
    ChaosEngine engine(ExtensionContext context) {
        return owner(context).getStore(NAMESPACE).getOrComputeIfAbsent(ENGINE, key -> context
                .getConfigurationParameter(ChaosEngine.PARAMETER)
                .map(name -> (ChaosEngine) ReflectionSupport.newInstance(
                        ReflectionSupport.tryToLoadClass(name).getOrThrow(e -> new IllegalStateException(
                                ChaosEngine.PARAMETER + " names " + name + ", which cannot be loaded", e))))
                .orElseGet(CoreEngine::new), ChaosEngine.class);
    }

    private ChaosCluster start(ExtensionContext context, Settings settings, String owner) {
        Instant began = Instant.now();
        ChaosCluster cluster;
        if (settings.config().existingCluster().isPresent()) {
            LOG.info("Squeeze: attaching to the existing cluster of {} for {}",
                    settings.config().existingCluster().get().kubeconfig(), owner);
            cluster = engine(context).attach(settings.config().existingCluster().get());
        } else {
            LOG.info("Squeeze: starting a k3s node for {}: {} memory, evictionHard {}, kubeReserved {}, image {}",
                    owner, settings.config().node().memory(), settings.config().node().evictionHard(),
                    settings.config().node().kubeReserved(), settings.config().node().image());
            cluster = engine(context).startK3s(settings.config().node());
        }
        LOG.info("Squeeze: node {} ready after {} s", cluster.nodeName(),
                Duration.between(began, Instant.now()).toMillis() / 1000.0);
        return cluster;
    }

    private static ConfigReader reader(ExtensionContext context) {
        return new ConfigReader(context::getConfigurationParameter);
    }

    private static ExtensionContext owner(ExtensionContext context) {
        return Scopes.topLevelClass(context);
    }

    private static Class<?> ownerClass(ExtensionContext context) {
        return owner(context).getRequiredTestClass();
    }

    /** {@code -2} for the second invocation of a repeated or parameterized test, so reports do not overwrite. */
    private static String invocationSuffix(ExtensionContext context) {
        Matcher m = INVOCATION.matcher(context.getUniqueId());
        String suffix = "";
        while (m.find()) {
            suffix = "-" + m.group(1);
        }
        return suffix;
    }

    private record DockerCheck(Optional<String> problem) {
    }

    private record Experiments(Map<Method, ExperimentSpec> byMethod) {
        Optional<ExperimentSpec> of(Method method) {
            return Optional.ofNullable(byMethod.get(method));
        }
    }
}
