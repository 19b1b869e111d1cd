/**
 * A memory hog for Kubernetes pods: maps anonymous memory through the FFM API, fills it at a controlled
 * rate, holds it and reports progress as JSON lines on stdout ({@link dev.squeeze.eater.ProgressLine}).
 * The command line ({@link dev.squeeze.eater.EaterOptions#usage()}) and the lines are the contract with
 * {@code squeeze-core}; {@code dev.squeeze.eater.internal} has none.
 */
package dev.squeeze.eater;
