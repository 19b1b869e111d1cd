/**
 * The eater's machinery: libc downcalls, /proc and cgroup readers, pacing, the run loop.
 * Internal: DO NOT USE, no compatibility promise.
 */
package dev.squeeze.eater.internal;
