/**
 * Internal: manifest loading and readiness waiting behind {@link dev.squeeze.workload.WorkloadDeployer}.
 * DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.workload;
