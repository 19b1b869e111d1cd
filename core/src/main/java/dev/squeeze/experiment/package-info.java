/**
 * Public API: describe an experiment ({@link dev.squeeze.experiment.ExperimentSpec}) and run it on a cluster
 * ({@link dev.squeeze.experiment.Experiment}): steady state, pressure, hold, recovery, one report.
 */
package dev.squeeze.experiment;
