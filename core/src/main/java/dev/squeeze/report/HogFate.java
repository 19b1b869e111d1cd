package dev.squeeze.report;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What finally happened to the hog pod. */
@API(status = STABLE, since = "0.1")
public enum HogFate {
    /** The kubelet evicted it (status.reason Evicted). */
    EVICTED,
    /** The kernel OOM-killed its container (terminated reason OOMKilled). */
    OOM_KILLED,
    /** The node refused to admit it (for example BestEffort while MemoryPressure is set). */
    REJECTED,
    /** It failed otherwise (see the reason). */
    FAILED,
    /** It was still running when Squeeze removed it at the end of the hold phase. */
    SURVIVED,
    /** It was never scheduled or never started. */
    NEVER_STARTED
}
