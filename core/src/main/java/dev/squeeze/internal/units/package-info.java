/**
 * Internal: duration parsing and formatting shared by the modules. DO NOT USE: not part of the public API.
 */
package dev.squeeze.internal.units;
