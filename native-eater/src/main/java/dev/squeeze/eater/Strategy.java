package dev.squeeze.eater;

/**
 * How pages become resident: {@code --strategy populate|touch}.
 *
 * <pre>{@code
 * Strategy s = Strategy.parse("touch");   // Strategy.TOUCH
 * s.text();                               // "touch"
 * }</pre>
 */
public enum Strategy {
    /**
     * {@code madvise(MADV_POPULATE_WRITE)} per chunk: the kernel faults the pages in without a trip to user
     * mode per page, an order of magnitude faster than touching. Needs Linux 5.14+; on EINVAL the eater
     * falls back to {@link #TOUCH} and says so on stderr and in the {@code hold} line.
     */
    POPULATE("populate"),
    /** Writes one long per page from Java, as the C {@code mem_eater} does: one page fault per page. */
    TOUCH("touch");

    private final String text;

    Strategy(String text) {
        this.text = text;
    }

    /** @return the name used on the command line and in the JSON lines */
    public String text() {
        return text;
    }

    /**
     * @param value the {@code --strategy} argument
     * @return the strategy it names
     * @throws UsageException if it names none
     */
    public static Strategy parse(String value) {
        for (Strategy s : values()) {
            if (s.text.equals(value)) {
                return s;
            }
        }
        throw UsageException.invalid("--strategy", value, "populate or touch", "--strategy populate");
    }
}
