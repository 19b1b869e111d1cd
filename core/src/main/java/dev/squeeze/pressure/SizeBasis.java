package dev.squeeze.pressure;

/** What a percentage hog size is a percentage of. Named explicitly because "50%" alone is ambiguous. */
public enum SizeBasis {
    /** Node status.capacity.memory (the declared node size on a Squeeze k3s node). */
    NODE_CAPACITY,
    /** Node status.allocatable.memory (capacity minus reservations and the eviction threshold). */
    NODE_ALLOCATABLE,
    /** The hog container's own memory limit (needs a limit: BURSTABLE or GUARANTEED). */
    HOG_LIMIT
}
