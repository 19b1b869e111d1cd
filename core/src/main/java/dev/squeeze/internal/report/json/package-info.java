/**
 * Internal: the report's JSON encoding and decoding (schema in {@code report-schema.md}) and the report files.
 * DO NOT USE: not part of the public API; the JSON itself is the stable format.
 */
package dev.squeeze.internal.report.json;
