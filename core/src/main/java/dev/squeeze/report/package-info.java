/**
 * Public API: the result of an experiment as a test reads it: {@link dev.squeeze.report.ChaosReport}, its
 * timeline of sample records, the hog's outcome and where its JSON and HTML files are ({@link dev.squeeze.report.ReportFiles}).
 */
package dev.squeeze.report;
