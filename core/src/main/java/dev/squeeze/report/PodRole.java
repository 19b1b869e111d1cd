package dev.squeeze.report;

/** Why a pod is watched. */
public enum PodRole {
    /** Matched by one of the experiment's workload selectors: it should stay Ready. */
    WORKLOAD,
    /** The memory hog Squeeze started. */
    HOG,
    /** A kube-system pod (API server dependencies such as CoreDNS): restarts here are the seed story's symptom. */
    SYSTEM,
    /** The pod Squeeze creates after the hog is gone to prove the node admits pods again. */
    ADMISSION_CHECK
}
