package dev.squeeze.eater.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** The fixture machines under {@code src/test/resources/hosts}: a {@code proc} and a {@code cgroup} tree each. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * @param name such as {@code v2-limited}
     * @param env  the environment variables the machine has
     * @return the host
     */
    public static Host host(String name, Map<String, String> env) {
        Path root = root(name);
        return new Host(root.resolve("proc"), root.resolve("cgroup"), env);
    }

    /**
     * @param name such as {@code v2-limited}
     * @return the host, with no environment variables
     */
    public static Host host(String name) {
        return host(name, Map.of());
    }

    private static Path root(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/hosts/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture host '" + name + "' under src/test/resources/hosts", e);
        }
    }
}
