/**
 * AssertJ assertions on a {@link dev.squeeze.report.ChaosReport}: start at
 * {@link dev.squeeze.assertions.SqueezeAssertions#assertThat(dev.squeeze.report.ChaosReport)}, navigate to the API
 * server, pods, hog, node or HTTP probe; failures are multi-line AssertJ messages carrying the evidence.
 */
package dev.squeeze.assertions;
