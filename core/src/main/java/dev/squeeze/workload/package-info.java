/**
 * Public API: the workload under test, the user's own manifests or fabric8 objects, deployed into the
 * experiment's namespace by {@link dev.squeeze.workload.WorkloadDeployer} and awaited until Ready.
 */
package dev.squeeze.workload;
