package dev.squeeze.eater.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the eater looks at the machine it runs on; tests point it at fixture trees instead.
 * Internal: no compatibility promise.
 *
 * <pre>{@code
 * Host live = Host.live();                                          // /proc, /sys/fs/cgroup, System.getenv()
 * Host fixture = new Host(Path.of("src/test/resources/proc"), Path.of("src/test/resources/cgroup/v2"), Map.of());
 * }</pre>
 *
 * @param procRoot   where {@code /proc} is mounted
 * @param cgroupRoot where the cgroup file systems are mounted ({@code /sys/fs/cgroup})
 * @param env        the environment variables
 */
public record Host(Path procRoot, Path cgroupRoot, Map<String, String> env) {
    /** Set in every Kubernetes container (whatever {@code enableServiceLinks} says). */
    public static final String KUBERNETES_ENV = "KUBERNETES_SERVICE_HOST";

    /** @return the machine this JVM runs on */
    public static Host live() {
        return new Host(Path.of("/proc"), Path.of("/sys/fs/cgroup"), System.getenv());
    }

    /** @return whether this process runs in a Kubernetes container */
    public boolean inKubernetes() {
        return env.containsKey(KUBERNETES_ENV);
    }
}
