package dev.squeeze.pressure;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What a percentage hog size is a percentage of. Named explicitly because "50%" alone is ambiguous. */
@API(status = STABLE, since = "0.1")
public enum SizeBasis {
    /** Node status.capacity.memory (the declared node size on a Squeeze k3s node). */
    NODE_CAPACITY,
    /** Node status.allocatable.memory (capacity minus reservations and the eviction threshold). */
    NODE_ALLOCATABLE,
    /** The hog container's own memory limit (needs a limit: BURSTABLE or GUARANTEED). */
    HOG_LIMIT
}
