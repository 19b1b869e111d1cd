package dev.squeeze.experiment;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.probe.HttpProbeSpec;
import dev.squeeze.pressure.HogSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One experiment: the hog, what to watch, and the timing of each phase.
 *
 * <!-- sample(ChaosCluster cluster) -->
 * <pre>{@code
 * ExperimentSpec spec = ExperimentSpec.of("eviction", HogSpec.of(HogSize.of(MemorySize.parse("2Gi"))))
 *         .withWatchedPods(List.of("app=web"));
 * ChaosReport report = Experiment.run(cluster, spec);
 * }</pre>
 *
 * @param name            report name and file stem
 * @param watchedPods     label selectors of workload pods that should stay Ready
 * @param http            optional HTTP probe of a workload Service
 * @param tick            probe sampling period (fixed rate, no drift)
 * @param steadyState     how long to observe before pressure starts
 * @param rampTimeout     longest the pressure phase may take before it is declared stuck
 * @param recoveryTimeout longest to wait for MemoryPressure to clear and a new pod to be admitted
 * @param recoveryWindow  how long MemoryPressure must stay clear
 * @param reportDirectory where JSON and HTML reports are written
 * @param expect          what the target node is expected to do with the hog; {@link Expect#EVICTION} is checked
 *                        against the node's kubelet configuration before any pressure
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ExperimentSpec(String name, HogSpec hog, List<String> watchedPods, Optional<HttpProbeSpec> http,
                             Duration tick, Duration steadyState, Duration rampTimeout, Duration recoveryTimeout,
                             Duration recoveryWindow, Path reportDirectory, Expect expect) {

    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    public static final Duration DEFAULT_STEADY_STATE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RAMP_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_RECOVERY_WINDOW = Duration.ofSeconds(15);
    public static final Path DEFAULT_REPORT_DIRECTORY = Path.of("target", "squeeze-reports");

    public ExperimentSpec {
        watchedPods = List.copyOf(watchedPods);
        expect = expect == null ? Expect.ANY : expect;
    }

    /** A spec without an expectation ({@link Expect#ANY}): the shape before {@code expect} existed. */
    public ExperimentSpec(String name, HogSpec hog, List<String> watchedPods, Optional<HttpProbeSpec> http,
                          Duration tick, Duration steadyState, Duration rampTimeout, Duration recoveryTimeout,
                          Duration recoveryWindow, Path reportDirectory) {
        this(name, hog, watchedPods, http, tick, steadyState, rampTimeout, recoveryTimeout, recoveryWindow,
                reportDirectory, Expect.ANY);
    }

    /** The same spec, checked before pressure against what the target node can do (see {@link Expect}). */
    public ExperimentSpec expecting(Expect v) {
        return new ExperimentSpec(name, hog, watchedPods, http, tick, steadyState, rampTimeout, recoveryTimeout,
                recoveryWindow, reportDirectory, v);
    }

    public static ExperimentSpec of(String name, HogSpec hog) {
        return new ExperimentSpec(name, hog, List.of(), Optional.empty(), DEFAULT_TICK, DEFAULT_STEADY_STATE,
                DEFAULT_RAMP_TIMEOUT, DEFAULT_RECOVERY_TIMEOUT, DEFAULT_RECOVERY_WINDOW, DEFAULT_REPORT_DIRECTORY,
                Expect.ANY);
    }

    public ExperimentSpec withWatchedPods(List<String> v) {
        return new ExperimentSpec(name, hog, v, http, tick, steadyState, rampTimeout, recoveryTimeout, recoveryWindow,
                reportDirectory, expect);
    }

    public ExperimentSpec withHttpProbe(HttpProbeSpec v) {
        return new ExperimentSpec(name, hog, watchedPods, Optional.of(v), tick, steadyState, rampTimeout,
                recoveryTimeout, recoveryWindow, reportDirectory, expect);
    }

    public ExperimentSpec withTick(Duration v) {
        return new ExperimentSpec(name, hog, watchedPods, http, v, steadyState, rampTimeout, recoveryTimeout,
                recoveryWindow, reportDirectory, expect);
    }

    public ExperimentSpec withSteadyState(Duration v) {
        return new ExperimentSpec(name, hog, watchedPods, http, tick, v, rampTimeout, recoveryTimeout, recoveryWindow,
                reportDirectory, expect);
    }

    public ExperimentSpec withRampTimeout(Duration v) {
        return new ExperimentSpec(name, hog, watchedPods, http, tick, steadyState, v, recoveryTimeout, recoveryWindow,
                reportDirectory, expect);
    }

    public ExperimentSpec withRecovery(Duration timeout, Duration window) {
        return new ExperimentSpec(name, hog, watchedPods, http, tick, steadyState, rampTimeout, timeout, window,
                reportDirectory, expect);
    }

    public ExperimentSpec withReportDirectory(Path v) {
        return new ExperimentSpec(name, hog, watchedPods, http, tick, steadyState, rampTimeout, recoveryTimeout,
                recoveryWindow, v, expect);
    }

    public ExperimentSpec withName(String v) {
        return new ExperimentSpec(v, hog, watchedPods, http, tick, steadyState, rampTimeout, recoveryTimeout,
                recoveryWindow, reportDirectory, expect);
    }
}
