package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Container of repeated {@link Workload} annotations; written by the compiler, rarely by hand.
 *
 * <pre>{@code
 * @Workload(manifests = "classpath:k8s/db.yaml", readySelectors = "app=db")
 * @Workload(manifests = "classpath:k8s/web.yaml", readySelectors = "app=web")
 * class WebAndDatabaseIT { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = STABLE, since = "0.1")
public @interface Workloads {

    Workload[] value();
}
