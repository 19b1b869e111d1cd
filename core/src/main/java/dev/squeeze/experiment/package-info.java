/**
 * Runs an experiment on a cluster: steady state, pressure (ramp), hold, recovery; samples every probe on a fixed
 * tick and produces a {@link dev.squeeze.report.ChaosReport}.
 */
package dev.squeeze.experiment;
