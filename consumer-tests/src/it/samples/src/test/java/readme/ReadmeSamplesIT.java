package readme;

import dev.squeeze.report.ChaosReport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Method;

/**
 * README.md's first test as the README shows it, run on k3s: this class inherits its node, workload, hog and
 * assertions from {@link WebSurvivesALeakIT} (generated from the README, with its {@code k8s/app.yaml}), and then
 * runs the README's soft-assertions sample ({@link SoftAssertionsSample}) on the report of the same experiment.
 */
@ExtendWith(ReadmeSamplesIT.SoftAssertionsOnTheSameReport.class)
class ReadmeSamplesIT extends WebSurvivesALeakIT {

    /** After the test body passed, the soft-assertions sample on the report that body was given. */
    static final class SoftAssertionsOnTheSameReport implements InvocationInterceptor {

        @Override
        public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                        ExtensionContext context) throws Throwable {
            invocation.proceed();
            ChaosReport report = method.getArguments().stream().filter(ChaosReport.class::isInstance)
                    .map(ChaosReport.class::cast).findFirst()
                    .orElseThrow(() -> new AssertionError(method.getExecutable() + " was given no ChaosReport"));
            SoftAssertionsSample.run(report);
            System.out.println("README soft-assertions sample passed on the report of " + report.name());
        }
    }
}
