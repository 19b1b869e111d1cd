package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Names of the JUnit configuration parameters Squeeze reads ({@code src/test/resources/junit-platform.properties},
 * {@code -D} system properties, or the launcher). An annotation attribute or builder value wins over a parameter; a
 * parameter wins over the default. A value equal to its default counts as unset.
 *
 * <pre class="language-properties">{@code
 * # junit-platform.properties
 * squeeze.k3s.image=rancher/k3s:v1.34.4-k3s1
 * squeeze.report.dir=target/squeeze-reports
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class SqueezeProperties {

    /** The k3s image when {@link ChaosNode#image()} is unset. */
    public static final String K3S_IMAGE = "squeeze.k3s.image";

    /** A kubeconfig file: run on this existing cluster, in a namespace of its own, instead of starting k3s. */
    public static final String KUBECONFIG = "squeeze.kubeconfig";

    /** The context in {@link #KUBECONFIG}; unset means the kubeconfig's current context. */
    public static final String KUBECONFIG_CONTEXT = "squeeze.kubeconfig.context";

    /** The node of the existing cluster to put the hog on; unset means the first Ready worker. */
    public static final String NODE = "squeeze.node";

    /** Where JSON and HTML reports are written; default {@code target/squeeze-reports}. */
    public static final String REPORT_DIR = "squeeze.report.dir";

    /** The probe sampling period, such as {@code 1s} (the default) or {@code 500ms}. */
    public static final String TICK = "squeeze.tick";

    /** The JRE 22+ image the hog runs on when {@link MemoryHog#image()} is unset. */
    public static final String HOG_IMAGE = "squeeze.hog.image";

    /**
     * {@code true} skips Squeeze test classes that need Docker where Docker is missing, like
     * {@code @Testcontainers(disabledWithoutDocker = true)}; unset or {@code false} (the default) fails them with the
     * reason. {@link ChaosNode#disabledWithoutDocker()} opts in per class.
     */
    public static final String DISABLED_WITHOUT_DOCKER = "squeeze.disabledWithoutDocker";

    /**
     * {@code true} lets test classes whose {@link ChaosNode @ChaosNode} (or builder) node settings are equal share one
     * k3s node for the whole test run, each in a namespace of its own; unset or {@code false} (the default) gives
     * every class a node of its own. {@link ChaosNode#reuse()} decides per class. See {@link NodeReuse}.
     */
    public static final String REUSE_NODES = "squeeze.reuseNodes";

    private SqueezeProperties() {
    }
}
