/**
 * What an experiment watches, sampled on a fixed tick without drift: the API server (fresh TLS and pooled), the
 * node (conditions, Lease, kubelet memory), pods, events and an optional HTTP endpoint, each probe on its own.
 */
package dev.squeeze.probe;
