package dev.squeeze.junit5;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.report.ChaosReport;

/**
 * Runs experiments from inside a test body, for tests that need several hogs or want to react between them. Injected
 * as a test method parameter; every report is written and published like a {@link MemoryHog @MemoryHog} report.
 *
 * <pre>{@code
 * @Test
 * void smallThenLargeHog(ChaosRunner chaos) {
 *     ChaosReport small = chaos.run(HogSpec.of(HogSize.percentOf(50, SizeBasis.NODE_ALLOCATABLE)));
 *     ChaosReport large = chaos.run(chaos.experiment(HogSpec.of(HogSize.percentOf(120, SizeBasis.NODE_ALLOCATABLE)))
 *             .withSteadyState(Duration.ofSeconds(10)));
 *     assertThat(small).hog().hasFate(HogFate.SURVIVED);
 *     assertThat(large).hog().wasEvicted();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ChaosRunner {

    /** Runs {@code hog} with the test's defaults ({@link #experiment(HogSpec)}) and returns the written report. */
    ChaosReport run(HogSpec hog);

    /** Runs {@code spec} as given and returns the written report. */
    ChaosReport run(ExperimentSpec spec);

    /**
     * An experiment prefilled for this test: a unique name ({@code Class-method-N}), the workloads' ready selectors as
     * watched pods, the configured tick and report directory. Adjust it with its {@code with...} methods.
     */
    ExperimentSpec experiment(HogSpec hog);

    /** The cluster the experiments run on. */
    ChaosCluster cluster();
}
