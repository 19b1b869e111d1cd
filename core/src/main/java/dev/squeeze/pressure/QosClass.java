package dev.squeeze.pressure;

/** The hog pod's Kubernetes QoS class, which decides how early the kubelet evicts it and its oom_score_adj. */
public enum QosClass {
    /** No requests or limits: evicted first, oom_score_adj 1000. The seed story's hog. */
    BEST_EFFORT,
    /** A small request, limit as given (or none). */
    BURSTABLE,
    /** requests = limits: evicted last, oom_score_adj -997. */
    GUARANTEED
}
