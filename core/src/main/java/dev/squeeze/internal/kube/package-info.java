/**
 * Internal Kubernetes helpers shared by the cluster and workload packages: polling with progress and timeout
 * messages, pod/event diagnostics, the experiment namespace. DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.kube;
