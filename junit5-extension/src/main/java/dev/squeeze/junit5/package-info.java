/**
 * JUnit Jupiter support: {@link dev.squeeze.junit5.ChaosNode @ChaosNode}, {@link dev.squeeze.junit5.Workload @Workload}
 * and {@link dev.squeeze.junit5.MemoryHog @MemoryHog} turn a test class into a node memory-pressure experiment;
 * {@link dev.squeeze.junit5.SqueezeExtension#builder()} does the same from code.
 */
package dev.squeeze.junit5;
