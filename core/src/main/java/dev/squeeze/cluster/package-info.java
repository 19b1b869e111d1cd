/**
 * Public API: start or attach a cluster ({@link dev.squeeze.cluster.ChaosCluster}) from a declared node size
 * ({@link dev.squeeze.cluster.NodeSpec}) or a kubeconfig ({@link dev.squeeze.cluster.ExistingClusterSpec}).
 */
package dev.squeeze.cluster;
