package dev.squeeze.eater.internal;

import java.io.Serial;

/**
 * A libc call that failed, with its errno; {@code Main} turns it into exit status 72 and a {@code failed}
 * JSON line. Internal: no compatibility promise.
 *
 * <pre>{@code
 * try {
 *     libc.mmap(1L << 40);
 * } catch (NativeCallException e) {
 *     e.errnoName();     // "ENOMEM"
 *     e.getMessage();    // "mmap of 1Ti failed: ENOMEM (12, Cannot allocate memory). ..."
 * }
 * }</pre>
 */
public final class NativeCallException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    /**
     * @param call    the libc function, such as {@code mmap}
     * @param errno   the errno it left
     * @param message the complete message: what was asked, the errno by name and number, and what to do
     */
    public NativeCallException(String call, int errno, String message) {
        super(message);
        this.call = call;
        this.errno = errno;
    }

    /** @return the libc function that failed, such as {@code madvise} */
    public String call() {
        return call;
    }

    /** @return the errno it left */
    public int errno() {
        return errno;
    }

    /** @return the symbolic name of {@link #errno()}, such as {@code ENOMEM} */
    public String errnoName() {
        return Errno.name(errno);
    }
}
