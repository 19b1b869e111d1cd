/**
 * Internal: the self-contained HTML rendering of a report: inline CSS and SVG charts on one time axis, no
 * scripts, fonts or images. DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.report.html;
