/**
 * Public API: AssertJ assertions on a {@link dev.squeeze.report.ChaosReport}: one static import of
 * {@link dev.squeeze.assertions.SqueezeAssertions}, then navigators to the API server, pods, hog, node and HTTP probe.
 */
package dev.squeeze.assertions;
