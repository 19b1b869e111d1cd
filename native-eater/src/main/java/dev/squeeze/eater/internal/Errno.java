package dev.squeeze.eater.internal;

/**
 * Names of the errno values mmap, madvise, munmap and mlock return on Linux (the numbers are the same on
 * x86-64 and arm64). Internal: no compatibility promise.
 *
 * <pre>{@code
 * Errno.name(12);   // "ENOMEM"
 * Errno.name(999);  // "errno 999"
 * }</pre>
 */
public final class Errno {
    /** Invalid argument: madvise answers this for MADV_POPULATE_WRITE on kernels before 5.14. */
    public static final int EINVAL = 22;
    /** Interrupted: madvise(MADV_POPULATE_*) gives up when a signal is pending; worth a retry. */
    public static final int EINTR = 4;
    /** Try again: MADV_POPULATE_* may also say this under transient pressure. */
    public static final int EAGAIN = 11;

    private static final String[] NAMES = new String[134];

    static {
        NAMES[1] = "EPERM";
        NAMES[2] = "ENOENT";
        NAMES[EINTR] = "EINTR";
        NAMES[9] = "EBADF";
        NAMES[EAGAIN] = "EAGAIN";
        NAMES[12] = "ENOMEM";
        NAMES[13] = "EACCES";
        NAMES[14] = "EFAULT";
        NAMES[16] = "EBUSY";
        NAMES[17] = "EEXIST";
        NAMES[19] = "ENODEV";
        NAMES[EINVAL] = "EINVAL";
        NAMES[23] = "ENFILE";
        NAMES[24] = "EMFILE";
        NAMES[27] = "EFBIG";
        NAMES[28] = "ENOSPC";
        NAMES[38] = "ENOSYS";
        NAMES[75] = "EOVERFLOW";
        NAMES[133] = "EHWPOISON";
    }

    private Errno() {
    }

    /**
     * @param errno an errno value
     * @return its symbolic name, or {@code "errno N"} for one not listed here
     */
    public static String name(int errno) {
        return errno > 0 && errno < NAMES.length && NAMES[errno] != null ? NAMES[errno] : "errno " + errno;
    }
}
