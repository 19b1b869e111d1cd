package dev.squeeze.internal.cluster;

import java.io.IOException;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.k3s.K3sContainer;

/**
 * One {@code sh -c} in the k3s container, its stdout back or a failure that says what was being done:
 * {@code NodeShell.run(container, "read the kubepods cgroup limit", "cat " + file)}.
 */
final class NodeShell {

    private NodeShell() {
    }

    /** The stdout of {@code script}; fails naming {@code what} when it exits non-zero or cannot run. */
    static String run(K3sContainer container, String what, String script) {
        try {
            ExecResult r = container.execInContainer("sh", "-c", script);
            if (r.getExitCode() != 0) {
                throw new IllegalStateException("could not " + what + " in the k3s container (`sh -c '" + script
                        + "'` exited " + r.getExitCode() + "): " + r.getStderr().strip());
            }
            return r.getStdout();
        } catch (IOException e) {
            throw new IllegalStateException("could not " + what + " in the k3s container: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
