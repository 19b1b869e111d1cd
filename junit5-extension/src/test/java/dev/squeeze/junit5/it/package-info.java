/**
 * Integration tests of the extension on a real k3s node (Failsafe, {@code *IT}): one per annotation path. Kept short:
 * a 2Gi node with a 10 s pressure transition period (shared by the classes with equal settings, see
 * {@code squeeze.reuseNodes} in the POM), hogs at 200Mi/s held a few seconds, 5 s recovery windows.
 */
package dev.squeeze.junit5.it;
