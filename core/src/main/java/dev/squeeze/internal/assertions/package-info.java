/**
 * Internal: the failure-message factories and evidence formatting behind the public assertions.
 * DO NOT USE: not part of the public API; it changes without notice.
 */
package dev.squeeze.internal.assertions;
