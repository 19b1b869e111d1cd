package dev.squeeze.report;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The phases of an experiment, in the order they run. */
@API(status = STABLE, since = "0.1")
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
