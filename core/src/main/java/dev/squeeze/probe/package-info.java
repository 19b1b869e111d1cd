/**
 * Public API: what an experiment is asked to watch beyond the API server, node and pods: an HTTP endpoint behind
 * a Service ({@link dev.squeeze.probe.HttpProbeSpec}). The probes themselves live in {@code dev.squeeze.internal.probe}.
 */
package dev.squeeze.probe;
