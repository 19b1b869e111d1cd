/**
 * Internals of the Squeeze JUnit extension: configuration reading and validation, the runtime held in the
 * extension store. DO NOT USE: these types change without notice.
 */
package dev.squeeze.junit5.internal;
