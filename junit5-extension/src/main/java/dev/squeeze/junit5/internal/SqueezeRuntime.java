package dev.squeeze.junit5.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.experiment.ExperimentException;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.junit5.Lifecycle;
import dev.squeeze.junit5.SqueezeConfig;
import dev.squeeze.report.ChaosReport;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the extension does at each callback; {@code SqueezeExtension} delegates every callback here.
 *
 * <pre>{@code
 * // validates, then starts a per-class node
 * new SqueezeRuntime(Optional.empty(), Set.of(), SqueezeExtension.class).beforeAll(context);
 * }</pre>
 * Holds no state of its own: settings, cluster, workloads and reports live
 * in the {@link Store} under the extension's namespace, in the context whose lifetime matches theirs (the top-level
 * class for {@link Lifecycle#PER_CLASS}, the test method for {@link Lifecycle#PER_METHOD}), so JUnit closes them
 * in reverse order of creation, whatever the outcome.
 */
@API(status = INTERNAL, since = "0.1")
public final class SqueezeRuntime {

    static final Namespace NAMESPACE = Namespace.create("dev.squeeze.junit5");
    private static final Logger LOG = LoggerFactory.getLogger(SqueezeRuntime.class);
    private static final Pattern INVOCATION = Pattern.compile("invocation:#(\\d+)]");
    private static final String SETTINGS = "settings";
    private static final String EXPERIMENTS = "experiments";
    private static final String CLUSTER = "cluster";
    private static final String WORKLOADS = "workloads";
    private static final String REPORT = "report";
    private static final String ENGINE = "engine";
    private static final String DOCKER = "docker";

    /**
     * Where engines come from: always {@link CoreEngine} in production. Package-private on purpose: only the
     * extension's own tests, compiled into this package, replace it; no configuration parameter can.
     */
    static volatile Supplier<ChaosEngine> engines = CoreEngine::new;

    private final Optional<SqueezeConfig> built;
    private final Set<String> builderSet;
    private final Class<? extends Extension> extensionType;

    /**
     * @param built         the config of a {@code SqueezeExtension.builder()} extension; empty for annotations
     * @param builderSet    the {@code squeeze.*} parameter names whose value the builder set (so the parameter does
     *                      not apply, even when the value equals the default)
     * @param extensionType the public extension class, so that a registered field of it is recognised without this
     *                      runtime depending on the class that creates it
     */
    public SqueezeRuntime(Optional<SqueezeConfig> built, Set<String> builderSet,
                          Class<? extends Extension> extensionType) {
        this.built = built;
        this.builderSet = builderSet;
        this.extensionType = extensionType;
    }

    /**
     * Skips a class only when the user opted in to skipping without Docker and its configuration is valid: a class
     * with a mistake stays enabled so that {@link #beforeAll} reports the mistake on any machine.
     */
    public ConditionEvaluationResult condition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("Squeeze decides per class");
        }
        Problems problems = new Problems();
        Settings settings = validate(context, problems);
        if (!problems.isEmpty() || !settings.disabledWithoutDocker() || !needsDocker(settings)) {
            return ConditionEvaluationResult.enabled("Squeeze checks the configuration, then Docker, before all tests");
        }
        return dockerProblem(context)
                .map(problem -> ConditionEvaluationResult.disabled("Docker is not available (" + problem.getMessage()
                        + ") and skipping without Docker is enabled (" + DockerRequirement.OPT_IN + ")"))
                .orElseGet(() -> ConditionEvaluationResult.enabled("Docker is available"));
    }

    /** Validates the class's settings and every {@code @MemoryHog} method, checks Docker, then starts a per-class node. */
    public void beforeAll(ExtensionContext context) {
        Problems problems = new Problems();
        Settings settings = validate(context, problems);
        Map<Method, ExperimentSpec> experiments =
                reader(context).experiments(context.getRequiredTestClass(), settings, problems);
        problems.throwIfAny(context.getRequiredTestClass().getName());
        owner(context).getStore(NAMESPACE).put(SETTINGS, settings);
        context.getStore(NAMESPACE).put(EXPERIMENTS, new Experiments(experiments));
        if (needsDocker(settings)) {
            dockerProblem(context).ifPresent(problem -> {
                throw DockerRequirement.missing(context.getRequiredTestClass(), problem);
            });
        }
        if (settings.config().lifecycle() == Lifecycle.PER_CLASS) {
            cluster(context);
        }
    }

    /** The owner's settings (read once) plus the checks of this class, such as annotations on a nested class. */
    private Settings validate(ExtensionContext context, Problems problems) {
        Settings known = owner(context).getStore(NAMESPACE).get(SETTINGS, Settings.class);
        Settings settings = known != null ? known
                : reader(context).read(ownerClass(context), built, builderSet, problems);
        Class<?> testClass = context.getRequiredTestClass();
        ConfigReader.refuseNested(testClass, ownerClass(context), problems);
        if (testClass.equals(ownerClass(context))) {
            // before the owner's node starts: the mistakes of its @Nested classes too
            for (Class<?> nested : ConfigReader.nestedClasses(testClass)) {
                ConfigReader.refuseNested(nested, testClass, problems);
                reader(context).experiments(nested, settings, problems);
            }
        }
        return settings;
    }

    private static boolean needsDocker(Settings settings) {
        return settings.config().existingCluster().isEmpty();
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
        // a fresh k3s node deploys the workloads while kube-system comes up; stored after the node all the same
        AtomicReference<Deployments> early = new AtomicReference<>();
        ChaosCluster cluster = store.getOrComputeIfAbsent(CLUSTER, key -> hold(context, settings, owner, early),
                HeldCluster.class).cluster();
        store.getOrComputeIfAbsent(WORKLOADS, key -> early.get() != null ? early.get()
                : Deployments.deploy(engine(context), cluster, settings.config().workloads()), Deployments.class);
        return cluster;
    }

    /** Runs one experiment, writes its report (also a partial one when the experiment failed) and publishes it. */
    public ChaosReport run(ExtensionContext context, ChaosCluster cluster, ExperimentSpec spec) {
        LOG.info("Squeeze: experiment {} on node {}: {}", spec.name(), cluster.nodeName(), spec.hog().describe());
        RampCheck.beforeStart(spec, cluster.facts());
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
            Settings settings = reader(context).read(ownerClass(context), built, builderSet, problems);
            problems.throwIfAny(ownerClass(context).getName());
            return settings;
        }, Settings.class);
    }

    /** Why Docker cannot be used, asked once per test run (Testcontainers itself never retries). */
    @SuppressWarnings("deprecation")
    private Optional<RuntimeException> dockerProblem(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(DOCKER,
                key -> new DockerCheck(engine(context).dockerProblem()), DockerCheck.class).problem();
    }

    @SuppressWarnings("deprecation")
    ChaosEngine engine(ExtensionContext context) {
        return owner(context).getStore(NAMESPACE).getOrComputeIfAbsent(ENGINE, key -> engines.get(),
                ChaosEngine.class);
    }

    /** A node of the class's (or method's) own, or a view of the run's shared node with equal settings. */
    @SuppressWarnings("deprecation")
    private HeldCluster hold(ExtensionContext context, Settings settings, String owner,
                             AtomicReference<Deployments> early) {
        if (!settings.reuseNode()) {
            SharedNodes shared = context.getRoot().getStore(NAMESPACE).get(SharedNodes.class, SharedNodes.class);
            if (shared != null && settings.config().existingCluster().isEmpty()) {
                shared.stopIdle("before " + owner + " starts a node of its own");
            }
            return new StartedCluster(start(context, settings, owner, early), owner);
        }
        Instant began = Instant.now();
        SharedNodes shared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedNodes.class,
                key -> new SharedNodes(), SharedNodes.class);
        HeldCluster held = shared.borrow(settings.config().node(), engine(context), owner);
        LOG.info("Squeeze: node {} ready for {} after {} s (shared; namespace {})", held.cluster().nodeName(), owner,
                Duration.between(began, Instant.now()).toMillis() / 1000.0, held.cluster().namespace());
        return held;
    }

    private ChaosCluster start(ExtensionContext context, Settings settings, String owner,
                               AtomicReference<Deployments> early) {
        Instant began = Instant.now();
        ChaosCluster cluster;
        if (settings.config().existingCluster().isPresent()) {
            LOG.info("Squeeze: attaching to the existing cluster of {} for {}",
                    settings.config().existingCluster().get().kubeconfig(), owner);
            cluster = engine(context).attach(settings.config().existingCluster().get());
        } else {
            LOG.info("Squeeze: starting a k3s node for {}: {} memory{}, evictionHard {}, kubeReserved {}, image {}",
                    owner, settings.config().node().memory(), settings.config().node().hasSwap()
                            ? " + " + settings.config().node().swap() + " swap" : "",
                    settings.config().node().evictionHard(),
                    settings.config().node().kubeReserved(), settings.config().node().image());
            ChaosEngine engine = engine(context);
            cluster = engine.startK3s(settings.config().node(),
                    node -> early.set(Deployments.deploy(engine, node, settings.config().workloads())));
        }
        LOG.info("Squeeze: node {} ready after {} s{}", cluster.nodeName(),
                Duration.between(began, Instant.now()).toMillis() / 1000.0,
                early.get() == null ? "" : " (workloads deployed and Ready alongside)");
        return cluster;
    }

    private ConfigReader reader(ExtensionContext context) {
        return new ConfigReader(context::getConfigurationParameter, extensionType);
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

    private record DockerCheck(Optional<RuntimeException> problem) {
    }

    private record Experiments(Map<Method, ExperimentSpec> byMethod) {
        Optional<ExperimentSpec> of(Method method) {
            return Optional.ofNullable(byMethod.get(method));
        }
    }
}
