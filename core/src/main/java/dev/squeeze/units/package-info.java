/**
 * Public API: typed values parsed once at the edge: memory quantities ({@code 512Mi}), memory rates
 * ({@code 50Mi/s}). Everything inside Squeeze passes these types, never raw strings or magic numbers.
 */
package dev.squeeze.units;
