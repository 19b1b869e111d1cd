package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.junit5.ChaosRunner;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.report.ChaosReport;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link ChaosRunner} injected into one test method invocation. */
final class DefaultChaosRunner implements ChaosRunner {

    private final SqueezeRuntime runtime;
    private final ExtensionContext context;
    private final AtomicInteger experiments = new AtomicInteger();

    DefaultChaosRunner(SqueezeRuntime runtime, ExtensionContext context) {
        this.runtime = runtime;
        this.context = context;
    }

    @Override
    public ChaosReport run(HogSpec hog) {
        return run(experiment(hog));
    }

    @Override
    public ChaosReport run(ExperimentSpec spec) {
        Problems problems = new Problems();
        HogChecks.check(spec, Subject.code("ExperimentSpec", " passed to ChaosRunner.run"), Optional.empty(),
                problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems.messages()));
        }
        return runtime.run(context, cluster(), spec);
    }

    @Override
    public ExperimentSpec experiment(HogSpec hog) {
        Settings settings = runtime.settings(context);
        HogSpec withImage = hog.image().equals(Images.defaultJreImage()) ? hog.withImage(settings.hogImage()) : hog;
        String name = ExperimentNames.of(context.getRequiredTestClass(), context.getRequiredTestMethod())
                + "-" + experiments.incrementAndGet();
        return ExperimentSpec.of(name, withImage)
                .withWatchedPods(settings.config().readySelectors())
                .withTick(settings.config().tick())
                .withReportDirectory(settings.config().reportDirectory());
    }

    @Override
    public ChaosCluster cluster() {
        return runtime.cluster(context);
    }
}
