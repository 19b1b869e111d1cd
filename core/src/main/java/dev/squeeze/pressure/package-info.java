/**
 * The memory hog: its spec (size with an explicit basis, rate, hold, QoS, priority) and the ConfigMap + Pod that
 * run the native eater jar on a stock JRE image.
 */
package dev.squeeze.pressure;
