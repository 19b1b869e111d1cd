/**
 * The workload under test: the user's own manifests (classpath or file, multi-document YAML) deployed into the
 * experiment's namespace, and awaited until Ready.
 */
package dev.squeeze.workload;
