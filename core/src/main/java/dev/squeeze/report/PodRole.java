package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Why a pod is watched. */
@API(status = EXPERIMENTAL, since = "0.1")
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
