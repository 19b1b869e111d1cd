package dev.squeeze.report;

/** The phases of an experiment, in the order they run. */
public enum Phase {
    /** Workload and API observed before any pressure; must be healthy or the experiment stops. */
    STEADY_STATE,
    /** The hog grows towards its target. */
    PRESSURE,
    /** The hog holds its size (if it is still alive). */
    HOLD,
    /** The hog is gone; memory pressure must clear and stay clear, and a new pod must be admitted. */
    RECOVERY
}
