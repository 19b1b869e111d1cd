/**
 * The self-contained HTML rendering of a {@link dev.squeeze.report.ChaosReport}: inline CSS and SVG charts on one
 * shared time axis, no scripts, fonts or images, so the file opens offline. Entry point: {@link HtmlReport}.
 */
package dev.squeeze.report.html;
