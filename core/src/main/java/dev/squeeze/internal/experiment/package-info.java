/**
 * Internal: the engine behind {@link dev.squeeze.experiment.Experiment}: phases, hog run, recovery,
 * resource audit. DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.experiment;
