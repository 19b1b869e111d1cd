package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.SqueezeConfig;
import dev.squeeze.junit5.SqueezeProperties;
import dev.squeeze.junit5.Workload;
import dev.squeeze.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns what a test class declares (annotations or a builder config) plus JUnit configuration parameters into checked
 * {@link Settings}: attribute, then parameter, then default. Collects every problem before failing.
 */
final class ConfigReader {

    private static final Subject BUILDER_NODE = Subject.code("NodeSpec", " (SqueezeExtension.builder().node)");
    private static final Subject BUILDER_WORKLOAD = Subject.code("WorkloadSpec", " (SqueezeExtension.builder().workload)");

    private final Function<String, Optional<String>> parameters;
    private final Class<?> extensionType;

    /**
     * @param parameters    JUnit configuration parameters, such as {@code context::getConfigurationParameter}
     * @param extensionType the extension class a {@code @RegisterExtension} field of the test class may hold
     */
    ConfigReader(Function<String, Optional<String>> parameters, Class<?> extensionType) {
        this.parameters = name -> parameters.apply(name).map(String::trim).filter(v -> !v.isEmpty());
        this.extensionType = extensionType;
    }

    /**
     * The settings of {@code testClass}; {@code built} is the config of a registered builder extension, if any, and
     * {@code builderSet} the parameter names whose value that builder set.
     */
    Settings read(Class<?> testClass, Optional<SqueezeConfig> built, Set<String> builderSet, Problems problems) {
        SqueezeConfig declared = built.map(config -> refuseAnnotations(testClass, config, problems))
                .orElseGet(() -> refuseRegistered(testClass, fromAnnotations(testClass, problems), problems));
        Subject nodeSubject = built.isPresent() ? BUILDER_NODE : NodeReader.SUBJECT;
        Subject workloadSubject = built.isPresent() ? BUILDER_WORKLOAD : WorkloadReader.SUBJECT;
        // set, not defaulted: an attribute or builder value equal to the default still wins over the parameter
        Set<String> set = built.isPresent() ? builderSet : AnnotationSupport.findAnnotation(testClass, ChaosNode.class)
                .filter(a -> !a.image().isEmpty()).map(a -> Set.of(SqueezeProperties.K3S_IMAGE)).orElse(Set.of());
        SqueezeConfig config = applyParameters(declared, set, problems);
        if (config.existingCluster().isPresent()) {
            ExistingClusters.refuseNodeShaping(declared.node(), nodeSubject, config.existingCluster().get(), problems);
        } else {
            NodeChecks.check(config.node(), nodeSubject, problems);
        }
        ClassLoader loader = testClass.getClassLoader();
        WorkloadChecks.checkAll(config.workloads(), workloadSubject, loader, config.existingCluster().isPresent(),
                problems);
        boolean skip = DockerRequirement.disabledWithoutDocker(
                built.isPresent() ? Optional.empty() : AnnotationSupport.findAnnotation(testClass, ChaosNode.class),
                parameters.apply(SqueezeProperties.DISABLED_WITHOUT_DOCKER), problems);
        boolean reuse = ReuseReader.reuse(config, nodeSubject, parameters.apply(SqueezeProperties.REUSE_NODES),
                problems);
        return new Settings(config, hogImage(problems), skip, reuse);
    }

    /** Every {@link MemoryHog @MemoryHog} method of {@code testClass}, read and checked. */
    Map<Method, ExperimentSpec> experiments(Class<?> testClass, Settings settings, Problems problems) {
        Map<Method, ExperimentSpec> specs = new HashMap<>();
        for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, MemoryHog.class,
                HierarchyTraversalMode.TOP_DOWN)) {
            MemoryHog hog = AnnotationSupport.findAnnotation(method, MemoryHog.class).orElseThrow();
            if (!AnnotationSupport.isAnnotated(method, Test.class)
                    && !AnnotationSupport.isAnnotated(method, TestTemplate.class)) {
                String where = testClass.getSimpleName() + "." + method.getName() + "()";
                problems.add("@MemoryHog on " + where + " would never run: " + method.getName() + "() is not a test"
                        + " method (no @Test, @ParameterizedTest, @RepeatedTest or other @TestTemplate). Fix: annotate"
                        + " " + method.getName() + "() with @Test, or remove @MemoryHog from it");
                continue;
            }
            HogReader.read(testClass, method, hog, settings, problems).ifPresent(spec -> specs.put(method, spec));
        }
        return specs;
    }

    /**
     * Squeeze configures a node per top-level class, which its {@code @Nested} classes share, so a declaration on a
     * nested class is refused by name rather than silently ignored.
     */
    static void refuseNested(Class<?> testClass, Class<?> ownerClass, Problems problems) {
        if (testClass.equals(ownerClass)) {
            return;
        }
        for (Class<? extends java.lang.annotation.Annotation> type : List.of(ChaosNode.class, Workload.class,
                dev.squeeze.junit5.Workloads.class)) {
            if (AnnotationSupport.isAnnotated(testClass, type)) {
                String name = type == dev.squeeze.junit5.Workloads.class ? "@Workload" : "@" + type.getSimpleName();
                problems.add(name + " on the @Nested class " + nestedName(testClass, ownerClass) + " is not supported: Squeeze"
                        + " configures one node per top-level class, and its @Nested classes share it. Fix: move "
                        + name + " to the top-level class " + ownerClass.getSimpleName() + ", or make "
                        + testClass.getSimpleName() + " a top-level test class of its own");
                return;
            }
        }
    }

    /** {@code Outer.Inner}: the nested class as written inside its top-level test class. */
    private static String nestedName(Class<?> testClass, Class<?> ownerClass) {
        String name = testClass.getSimpleName();
        for (Class<?> c = testClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            name = c.getSimpleName() + "." + name;
            if (c.equals(ownerClass)) {
                break;
            }
        }
        return name;
    }

    /** The {@code @Nested} classes inside {@code testClass}, at any depth, for checking them all up front. */
    static List<Class<?>> nestedClasses(Class<?> testClass) {
        List<Class<?>> all = new java.util.ArrayList<>();
        for (Class<?> nested : org.junit.platform.commons.support.ReflectionSupport.findNestedClasses(testClass,
                c -> AnnotationSupport.isAnnotated(c, org.junit.jupiter.api.Nested.class))) {
            all.add(nested);
            all.addAll(nestedClasses(nested));
        }
        return all;
    }

    private static SqueezeConfig fromAnnotations(Class<?> testClass, Problems problems) {
        NodeSpec node = AnnotationSupport.findAnnotation(testClass, ChaosNode.class)
                .map(a -> NodeReader.read(a, problems)).orElseGet(NodeSpec::defaults);
        List<WorkloadSpec> workloads = AnnotationSupport.findRepeatableAnnotations(testClass, Workload.class).stream()
                .map(w -> WorkloadReader.read(w, problems)).toList();
        dev.squeeze.junit5.Lifecycle lifecycle = AnnotationSupport.findAnnotation(testClass, ChaosNode.class)
                .map(ChaosNode::lifecycle).orElse(dev.squeeze.junit5.Lifecycle.PER_CLASS);
        dev.squeeze.junit5.NodeReuse reuse = AnnotationSupport.findAnnotation(testClass, ChaosNode.class)
                .map(ChaosNode::reuse).orElse(dev.squeeze.junit5.NodeReuse.DEFAULT);
        return SqueezeConfig.defaults().withNode(node).withWorkloads(workloads).withLifecycle(lifecycle)
                .withReuse(reuse);
    }

    private static SqueezeConfig refuseAnnotations(Class<?> testClass, SqueezeConfig config, Problems problems) {
        boolean node = AnnotationSupport.isAnnotated(testClass, ChaosNode.class);
        if (node || !AnnotationSupport.findRepeatableAnnotations(testClass, Workload.class).isEmpty()) {
            String annotation = node ? "@ChaosNode" : "@Workload";
            problems.add(testClass.getSimpleName() + " declares both " + annotation + " and a @RegisterExtension"
                    + " SqueezeExtension.builder(), so it is unclear which configuration applies. Fix: keep one of"
                    + " them: move the annotation's settings into the builder, or remove the registered field");
        }
        return config;
    }

    /** The annotation-enabled instance sees the conflict too, so it does not start a node before the other fails. */
    private SqueezeConfig refuseRegistered(Class<?> testClass, SqueezeConfig config, Problems problems) {
        boolean registered = !AnnotationSupport.findAnnotatedFields(testClass, RegisterExtension.class,
                field -> extensionType.isAssignableFrom(field.getType())).isEmpty();
        return registered ? refuseAnnotations(testClass, config, problems) : config;
    }

    private SqueezeConfig applyParameters(SqueezeConfig config, Set<String> set, Problems problems) {
        NodeSpec node = config.node();
        if (!set.contains(SqueezeProperties.K3S_IMAGE)) {
            node = node.withImage(parameters.apply(SqueezeProperties.K3S_IMAGE).orElse(node.image()));
        }
        Optional<ExistingClusterSpec> existing = config.existingCluster().or(() -> existingFromParameters(problems));
        Path reports = config.reportDirectory();
        if (!set.contains(SqueezeProperties.REPORT_DIR)) {
            reports = parameters.apply(SqueezeProperties.REPORT_DIR).map(Path::of).orElse(reports);
        }
        Duration tick = config.tick();
        if (!set.contains(SqueezeProperties.TICK)) {
            Subject parameter = Subject.code("Configuration parameter", "");
            tick = parameters.apply(SqueezeProperties.TICK)
                    .flatMap(t -> new Parsing(parameter, problems).duration(SqueezeProperties.TICK, t))
                    .orElse(tick);
        }
        return config.withNode(node).withExistingCluster(existing).withReportDirectory(reports).withTick(tick);
    }

    private Optional<ExistingClusterSpec> existingFromParameters(Problems problems) {
        return parameters.apply(SqueezeProperties.KUBECONFIG).map(kubeconfig -> {
            Path file = Path.of(kubeconfig);
            if (!Files.isReadable(file)) {
                problems.add("Configuration parameter " + SqueezeProperties.KUBECONFIG, "must name a readable"
                        + " kubeconfig file (resolved to " + file.toAbsolutePath() + ")", kubeconfig,
                        "point it at your kubeconfig, such as ~/.kube/config expanded to a full path, or unset it"
                        + " to start a k3s node");
            }
            return new ExistingClusterSpec(file, parameters.apply(SqueezeProperties.KUBECONFIG_CONTEXT).orElse(""),
                    parameters.apply(SqueezeProperties.NODE).orElse(""));
        });
    }

    private String hogImage(Problems problems) {
        String image = parameters.apply(SqueezeProperties.HOG_IMAGE).orElse(Images.defaultJreImage());
        if (!Names.isImage(image)) {
            problems.add("Configuration parameter " + SqueezeProperties.HOG_IMAGE, "must be a Docker image name"
                    + " such as eclipse-temurin:25-jre", image, "correct it, or unset it to use the default");
            return Images.defaultJreImage();
        }
        return image;
    }
}
