/**
 * Internal: the hog's ConfigMap and Pod, its progress lines and its fate. DO NOT USE: not part of the
 * public API.
 */
package dev.squeeze.internal.pressure;
