/**
 * AssertJ assertions on a {@link dev.squeeze.report.ChaosReport}: start at
 * {@link dev.squeeze.assertions.SqueezeAssertions#assertThat(dev.squeeze.report.ChaosReport)}, navigate to the API
 * server, pods, hog, node or HTTP probe; failures are multi-line AssertJ messages carrying the evidence. Survival
 * assertions first check that memory pressure was applied ({@link dev.squeeze.report.Validity}); soft assertions
 * through {@link dev.squeeze.assertions.SqueezeSoftAssertions}.
 */
package dev.squeeze.assertions;
