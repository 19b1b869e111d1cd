/**
 * {@code doctor}: what Squeeze can do on this machine, one line per capability ({@code ok}, {@code degraded: what},
 * {@code will fail: why + fix}), before a test is written and again at the first node start.
 */
package dev.squeeze.doctor;
