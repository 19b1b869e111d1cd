/**
 * Public API: the memory hog as asked for: its size with an explicit basis, rate, hold, QoS and priority
 * ({@link dev.squeeze.pressure.HogSpec}).
 */
package dev.squeeze.pressure;
