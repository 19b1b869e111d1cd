package dev.squeeze.eater;

/**
 * The process exit statuses of the eater: part of its contract with whoever starts it.
 *
 * <p>64 and 72 are the C {@code mem_eater}'s (from {@code sysexits.h}), so scripts written for it keep
 * working:
 * <pre>{@code
 * Process p = new ProcessBuilder("java", "-jar", "squeeze-native-eater.jar", "--size", "1Gi").start();
 * if (p.waitFor() == ExitStatus.OS_REFUSED.code()) {
 *     // mmap, madvise or mlock failed; stderr and the "failed" JSON line name the errno
 * }
 * }</pre>
 */
public enum ExitStatus {
    /** Held and released as asked, or stopped by SIGTERM/SIGINT/SIGHUP after releasing the memory. */
    OK(0),
    /** The command line is wrong, or the workstation guard refused the size ({@code EX_USAGE}). */
    USAGE(64),
    /** A bug or an environment without FFM native access ({@code EX_SOFTWARE}). */
    INTERNAL(70),
    /** The kernel refused: mmap, madvise or mlock failed; the errno is reported ({@code EX_OSFILE}). */
    OS_REFUSED(72);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** @return the numeric status the process exits with */
    public int code() {
        return code;
    }
}
