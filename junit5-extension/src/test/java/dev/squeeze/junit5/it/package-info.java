/**
 * Integration tests of the extension on a real k3s node (Failsafe, {@code *IT}): one per annotation path. Kept short:
 * a 2Gi node, a hog of 120% of allocatable at 200Mi/s held 10s.
 */
package dev.squeeze.junit5.it;
