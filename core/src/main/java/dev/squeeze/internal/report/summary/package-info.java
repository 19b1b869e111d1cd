/**
 * Internal: summaries derived from a {@link dev.squeeze.report.ChaosReport} (availability, coverage, validity,
 * reaction times, PSI) that the assertions, JSON and HTML share. DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.report.summary;
