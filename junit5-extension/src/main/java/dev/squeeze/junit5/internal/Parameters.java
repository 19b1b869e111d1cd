package dev.squeeze.junit5.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.ChaosRunner;
import dev.squeeze.report.ChaosReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Resolves the parameters a Squeeze test can declare: cluster, client, the method's report, a runner.
 *
 * <pre>{@code
 * if (Parameters.supports(parameter)) return Parameters.resolve(parameter, context, runtime);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Parameters {

    private static final Set<Class<?>> SUPPORTED =
            Set.of(KubernetesClient.class, ChaosCluster.class, ChaosReport.class, ChaosRunner.class);

    private Parameters() {
    }

    public static boolean supports(ParameterContext parameter) {
        return SUPPORTED.contains(parameter.getParameter().getType());
    }

    public static Object resolve(ParameterContext parameter, ExtensionContext context, SqueezeRuntime runtime) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ChaosReport.class) {
            return report(parameter.getDeclaringExecutable(), context, runtime);
        }
        if (type == ChaosRunner.class) {
            if (context.getTestMethod().isEmpty()) {
                throw new ParameterResolutionException("ChaosRunner can only be injected into a test method, but "
                        + describe(parameter.getDeclaringExecutable()) + " is not one. Fix: take ChaosRunner as a"
                        + " parameter of the @Test method");
            }
            return new DefaultChaosRunner(runtime, context);
        }
        ChaosCluster cluster = runtime.cluster(context);
        return type == ChaosCluster.class ? cluster : cluster.client();
    }

    private static ChaosReport report(Executable executable, ExtensionContext context, SqueezeRuntime runtime) {
        boolean isTestMethod = context.getTestMethod().map(executable::equals).orElse(false);
        if (!isTestMethod || !runtime.hasExperiment(context, (Method) executable)) {
            throw new ParameterResolutionException("ChaosReport can only be injected into a @MemoryHog test method,"
                    + " but " + describe(executable) + (isTestMethod ? " has no @MemoryHog" : " is not the test method")
                    + ". Fix: annotate the test method with @MemoryHog(size = \"120%\"), or inject ChaosRunner and"
                    + " call run(...) for a report");
        }
        return runtime.report(context).orElseThrow(() -> new ParameterResolutionException(
                "The @MemoryHog experiment of " + describe(executable) + " produced no report, so there is no"
                        + " ChaosReport to inject. Fix: look for the experiment's own failure reported before this"
                        + " one"));
    }

    private static String describe(Executable executable) {
        return executable.getDeclaringClass().getSimpleName() + "." + executable.getName() + "()";
    }
}
