package dev.squeeze.pressure;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The hog pod's Kubernetes QoS class, which decides how early the kubelet evicts it and its oom_score_adj. */
@API(status = STABLE, since = "0.1")
public enum QosClass {
    /** No requests or limits: evicted first, oom_score_adj 1000. The seed story's hog. */
    BEST_EFFORT,
    /** A small request, limit as given (or none). */
    BURSTABLE,
    /** requests = limits: evicted last, oom_score_adj -997. */
    GUARANTEED
}
