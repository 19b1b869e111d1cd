package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP GET through the cluster to one of the workload's Services on every tick: the "502 Bad Gateway" of a real
 * outage, as a success rate. Only used as {@link MemoryHog#http()}; {@code service = ""} (the default) means no probe.
 *
 * <pre>{@code
 * @Test
 * @MemoryHog(size = "120%", http = @HttpProbe(service = "web", port = 8080, path = "/healthz"))
 * void webAnswers(ChaosReport report) {
 *     assertThat(report).http().hasSuccessRateAtLeast(99.0);
 * }
 * }</pre>
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = STABLE, since = "0.1")
public @interface HttpProbe {

    /** A Service in the experiment's namespace; {@code ""} (unset) means no HTTP probe. */
    String service() default "";

    /** The Service port. */
    int port() default 80;

    /** The path to GET, starting with {@code /}. */
    String path() default "/";
}
