package dev.squeeze.eater;

/**
 * The {@code "phase"} of a progress line, in the order a run goes through them.
 *
 * <pre>{@code
 * Phase.HOLD.text();   // "hold"
 * }</pre>
 */
public enum Phase {
    /** Options parsed, size resolved, guard passed; nothing mapped yet. Printed once, first. */
    START("start"),
    /** Filling: first printed when the first chunk is resident, then at least once a second. */
    RAMP("ramp"),
    /** Filled; first printed (with {@code fillMillis}) when the last chunk is resident, then once a second. */
    HOLD("hold"),
    /** Unmapped, because the hold elapsed or a signal came. Printed once, last; exit status 0. */
    RELEASED("released"),
    /** mmap, madvise or mlock failed; anything mapped is unmapped. Printed once, last; exit status 72. */
    FAILED("failed");

    private final String text;

    Phase(String text) {
        this.text = text;
    }

    /** @return the value of {@code "phase"} */
    public String text() {
        return text;
    }
}
