/**
 * The result of an experiment: a timeline of samples and what happened to the hog ({@link dev.squeeze.report.ChaosReport}),
 * derived summaries, and its JSON and self-contained HTML renderings.
 */
package dev.squeeze.report;
