package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The workload under test, deployed once per node before any experiment, and awaited until Ready. Repeatable:
 * workloads are deployed in declaration order and deleted in reverse order.
 *
 * <pre>{@code
 * @ChaosNode(memory = "2Gi")
 * @Workload(manifests = "classpath:k8s/web.yaml", readySelectors = "app=web", readyTimeout = "2m")
 * class WebSurvivesPressureTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Workloads.class)
@API(status = STABLE, since = "0.1")
public @interface Workload {

    /** YAML manifests, multi-document allowed: {@code classpath:k8s/app.yaml} or a file path. */
    String[] manifests();

    /**
     * Label selectors ({@code app=web}, {@code tier in (web,api)}) of pods that must be Ready before pressure starts;
     * also what {@link MemoryHog#watch()} watches when it is left empty.
     */
    String[] readySelectors() default {};

    /** How long to wait for those pods to become Ready after deploying. */
    String readyTimeout() default "2m";
}
