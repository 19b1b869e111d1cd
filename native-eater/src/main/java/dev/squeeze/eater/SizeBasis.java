package dev.squeeze.eater;

/**
 * What a percentage {@code --size} is a percentage of. Always named, never implied: "50%" alone is
 * refused, because "of what?" is the question users of other hogs keep getting wrong.
 *
 * <pre>{@code
 * SizeSpec.parse("50%cgroup");   // Percent[percent=50.0, basis=CGROUP]
 * SizeBasis.CGROUP.text();       // "cgroup"
 * }</pre>
 */
public enum SizeBasis {
    /**
     * The memory limit of the eater's own cgroup (the container's {@code resources.limits.memory}):
     * cgroup v2 {@code memory.max}, else v1 {@code memory.limit_in_bytes}, the lowest along the path to
     * the root that is visible. Refused (exit 64) when there is no limit. The JVM's own ~50 MiB counts
     * against the same limit, so {@code 100%cgroup} ends in an OOM kill.
     */
    CGROUP("cgroup"),
    /**
     * {@code MemTotal} of {@code /proc/meminfo}. In a container this is the host's (the node's) memory,
     * not the container's limit.
     */
    MEMTOTAL("memtotal"),
    /** {@code MemAvailable} of {@code /proc/meminfo}, read once at start (the host's, in a container). */
    MEMAVAILABLE("memavailable");

    private final String text;

    SizeBasis(String text) {
        this.text = text;
    }

    /** @return the name written after {@code %} on the command line and in the {@code start} line */
    public String text() {
        return text;
    }

    /**
     * @param text a basis name as written after {@code %}
     * @return the basis, or {@code null} if there is none of that name
     */
    static SizeBasis byText(String text) {
        for (SizeBasis b : values()) {
            if (b.text.equals(text)) {
                return b;
            }
        }
        return null;
    }
}
