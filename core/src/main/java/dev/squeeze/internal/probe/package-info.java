/**
 * Internal: the probes an experiment samples on a fixed tick (API server fresh and pooled, node, pods, events,
 * HTTP) and the sampler. DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.probe;
