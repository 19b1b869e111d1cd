package dev.squeeze.junit5.testkit;

import dev.squeeze.experiment.ExperimentSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link FakeEngine} was asked to do, in order, plus the knobs a test turns (Docker missing, a step that
 * fails). Static because JUnit instantiates the engine; every test calls {@link #reset()} first.
 */
public final class Journal {

    private static final List<String> ENTRIES = Collections.synchronizedList(new ArrayList<>());
    private static final List<ExperimentSpec> EXPERIMENTS = Collections.synchronizedList(new ArrayList<>());
    private static volatile Optional<String> dockerProblem = Optional.empty();
    private static volatile String failingStep = "";
    private static volatile Optional<String> unfit = Optional.empty();

    private Journal() {
    }

    public static void reset() {
        ENTRIES.clear();
        EXPERIMENTS.clear();
        dockerProblem = Optional.empty();
        failingStep = "";
        unfit = Optional.empty();
    }

    public static List<String> entries() {
        synchronized (ENTRIES) {
            return List.copyOf(ENTRIES);
        }
    }

    public static List<ExperimentSpec> experiments() {
        synchronized (EXPERIMENTS) {
            return List.copyOf(EXPERIMENTS);
        }
    }

    /** Makes the engine report Docker as unavailable for this reason. */
    public static void dockerMissing(String reason) {
        dockerProblem = Optional.of(reason);
    }

    /** Makes the step whose journal entry is {@code step} (such as {@code start} or {@code deploy a.yaml}) throw. */
    public static void fail(String step) {
        failingStep = step;
    }

    /** Makes every shared node unfit for reuse, for this reason (as if it were still under MemoryPressure). */
    public static void unfitForReuse(String reason) {
        unfit = Optional.of(reason);
    }

    static Optional<String> unfit() {
        return unfit;
    }

    static Optional<String> dockerProblem() {
        return dockerProblem;
    }

    static void record(String entry) {
        ENTRIES.add(entry);
    }

    static void experiment(ExperimentSpec spec) {
        EXPERIMENTS.add(spec);
    }

    static void failIf(String step) {
        if (step.equals(failingStep)) {
            throw new IllegalStateException("fake " + step + " failed");
        }
    }
}
