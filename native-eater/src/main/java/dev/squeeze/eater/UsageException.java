package dev.squeeze.eater;

import java.io.Serial;

/**
 * A command line the eater cannot act on; {@link Main} prints the message to stderr and exits with
 * {@link ExitStatus#USAGE} (64, {@code EX_USAGE} of {@code sysexits.h}, like the C {@code mem_eater}).
 *
 * <p>Every message names the flag, the value seen and an example that works, so that whoever reads a
 * pod's log can fix the manifest without reading this code:
 * <pre>{@code
 * try {
 *     EaterOptions.parse("--size", "3000MB");
 * } catch (UsageException e) {
 *     // `--size` must be a Kubernetes quantity such as 512Mi, 2Gi or 1500M, or a percentage with
 *     // a basis such as 50%cgroup, but was '3000MB'. For example: --size 3000M
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public final class UsageException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String flag;
    private final String value;

    /**
     * A usage error with a message already written in full.
     *
     * @param flag    the flag at fault, such as {@code --size}
     * @param value   the value seen, as typed
     * @param message the complete message, naming flag, value and a fix
     */
    public UsageException(String flag, String value, String message) {
        super(message);
        this.flag = flag;
        this.value = value;
    }

    /**
     * The common shape: "`flag` must be expectation, but was 'value'. For example: example".
     *
     * @param flag        the flag at fault, such as {@code --rate}
     * @param value       the value seen, as typed
     * @param expectation what a valid value looks like, phrased to follow "must be"
     * @param example     a complete, valid flag and value, such as {@code --rate 50Mi/s}
     * @return the exception, for the caller to throw
     */
    public static UsageException invalid(String flag, String value, String expectation, String example) {
        return new UsageException(flag, value,
                "`" + flag + "` must be " + expectation + ", but was '" + value + "'. For example: " + example);
    }

    /** @return the flag at fault, such as {@code --size} */
    public String flag() {
        return flag;
    }

    /** @return the value seen, as typed; empty when the flag was missing */
    public String value() {
        return value;
    }
}
