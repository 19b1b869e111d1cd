/**
 * Start or attach a cluster: a throwaway k3s node of a declared memory size through Testcontainers, or an
 * existing cluster from a kubeconfig; node sizing (kubelet flags), readiness, image side-loading.
 */
package dev.squeeze.cluster;
