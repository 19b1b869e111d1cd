/**
 * The workload under test: the user's own manifests (classpath or file, multi-document YAML) or fabric8 objects,
 * deployed into the experiment's namespace by {@link dev.squeeze.workload.WorkloadDeployer}, and awaited until Ready.
 */
package dev.squeeze.workload;
