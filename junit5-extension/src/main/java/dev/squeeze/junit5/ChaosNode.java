package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.cluster.MemoryWall;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test class on a throwaway k3s node of the declared memory size (or on an existing cluster when
 * the configuration parameter {@value SqueezeProperties#KUBECONFIG} is set). Enables the Squeeze extension.
 *
 * <pre>{@code
 * @ChaosNode(memory = "2Gi", evictionHard = "200Mi")
 * @Workload(manifests = "classpath:k8s/app.yaml", readySelectors = "app=web")
 * class EvictionTest {
 *     @Test
 *     @MemoryHog(size = "120%", rate = "200Mi/s", hold = "10s")
 *     void apiSurvives(ChaosReport report) {
 *         SqueezeAssertions.assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
 *     }
 * }
 * }</pre>
 *
 * Every attribute is validated before the node starts; a mistake fails the class with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute, the value and the fix.
 * The attribute defaults are {@link dev.squeeze.cluster.NodeSpec#defaults()}. On an existing cluster the node cannot be
 * shaped, so the node-level attributes must keep their defaults.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SqueezeExtension.class)
@API(status = STABLE, since = "0.1")
public @interface ChaosNode {

    /** The node's size N, a Kubernetes quantity: what the kubelet reports as capacity, and the physical wall. */
    String memory() default "2Gi";

    /**
     * Swap the node may use on top of {@link #memory()}, a Kubernetes quantity; {@code "0"} (the default) means none.
     * With swap the physical wall is memory + swap (as on the seed's own 2.0 GiB + 1.0 GiB swap machine: the kernel
     * pages k3s and the pods out instead of OOM-killing at the memory limit), the kubelet runs with
     * {@code fail-swap-on=false}, and the Docker host must have at least this much swap: a host without it fails the
     * class by name before any container starts.
     */
    String swap() default "0";

    /** The {@code memory.available} hard eviction threshold; {@code "0"} turns memory eviction off (stock k3s). */
    String evictionHard() default "200Mi";

    /** {@code kube-reserved} memory: the budget for k3s itself (API server, kubelet, containerd). */
    String kubeReserved() default "600Mi";

    /** Extra {@code system-reserved} memory on top of what node sizing derives. */
    String systemReserved() default "0";

    /** The kubelet's {@code eviction-pressure-transition-period}; short so tests converge. */
    String pressureTransitionPeriod() default "30s";

    /**
     * The k3s image; {@code ""} (unset) means the configuration parameter {@value SqueezeProperties#K3S_IMAGE}, else
     * the tested default {@link dev.squeeze.internal.cluster.Images#defaultK3sImage()}.
     */
    String image() default "";

    /** Whether N is a physical wall shared by k3s and its pods (needed to see the API server starve). */
    MemoryWall wall() default MemoryWall.PHYSICAL;

    /** Extra kubelet arguments as {@code key=value}, without {@code --}; appended after Squeeze's own. */
    String[] kubeletArgs() default {};

    /** Local Docker images to side-load into the node before the workload is deployed. */
    String[] loadImages() default {};

    /** One node for the whole class (default), or a fresh node for every test method. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /**
     * Whether the node may be shared with other test classes of equal settings in this test run;
     * {@link NodeReuse#DEFAULT} defers to the configuration parameter {@value SqueezeProperties#REUSE_NODES}, else a
     * class gets a node of its own. Only with {@link Lifecycle#PER_CLASS}. Use {@link NodeReuse#NEVER} for a class
     * that changes its node (labels, taints, files) through the client.
     */
    NodeReuse reuse() default NodeReuse.DEFAULT;

    /** How long to wait for the node and kube-system to be Ready. */
    String startupTimeout() default "3m";

    /**
     * Whether to skip the class (instead of failing it, the default) where Docker is missing, like
     * {@code @Testcontainers(disabledWithoutDocker = true)}; {@code false} defers to the configuration parameter
     * {@value SqueezeProperties#DISABLED_WITHOUT_DOCKER}. The configuration is validated first either way.
     */
    boolean disabledWithoutDocker() default false;
}
