/**
 * Internal: the k3s node (Testcontainers, sizing, read-backs, memory wall, leftovers) and existing clusters
 * behind {@link dev.squeeze.cluster.ChaosCluster}. DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.cluster;
