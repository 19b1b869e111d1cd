package dev.squeeze.junit5.testkit;

import dev.squeeze.experiment.ExperimentSpec;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the {@link FakeEngine} was asked to do, in order, plus the knobs a test turns (Docker missing, a step that
 * fails). Static because JUnit instantiates the engine; every test calls {@link #reset()} first.
 */
public final class Journal {

    private static final List<String> ENTRIES = Collections.synchronizedList(new ArrayList<>());
    private static final List<ExperimentSpec> EXPERIMENTS = Collections.synchronizedList(new ArrayList<>());
    private static volatile Optional<String> dockerProblem = Optional.empty();
    private static volatile String failingStep = "";
    private static final Map<String, String> CONDITIONS = new ConcurrentHashMap<>();
    private static volatile List<Pod> pods = List.of();

    static {
        reset();
    }

    private Journal() {
    }

    public static void reset() {
        ENTRIES.clear();
        EXPERIMENTS.clear();
        dockerProblem = Optional.empty();
        failingStep = "";
        CONDITIONS.clear();
        CONDITIONS.putAll(Map.of("Ready", "True", "MemoryPressure", "False"));
        pods = List.of();
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

    /**
     * Sets a condition of every node as the fake API server reports it when a shared node is checked for reuse
     * (Ready True and MemoryPressure False until told otherwise).
     */
    public static void nodeCondition(String type, String status) {
        CONDITIONS.put(type, status);
    }

    /** The pods the fake API server lists when a shared node is checked for reuse (none until told). */
    public static void pods(Pod... listed) {
        pods = List.of(listed);
    }

    static Map<String, String> conditions() {
        return Map.copyOf(CONDITIONS);
    }

    static List<Pod> pods() {
        return pods;
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
