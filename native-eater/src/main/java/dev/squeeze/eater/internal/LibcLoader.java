package dev.squeeze.eater.internal;

/**
 * Links libc on a thread of its own while {@code main} parses the command line and reads {@code /proc}:
 * setting up the first downcalls takes ~100 ms, the longest step between exec and the first mmap.
 * Internal: no compatibility promise.
 *
 * <pre>{@code
 * LibcLoader loader = LibcLoader.start();
 * // ... parse options, resolve the size ...
 * Libc libc = loader.await();
 * }</pre>
 */
public final class LibcLoader implements Runnable {
    private Libc libc;
    private RuntimeException failure;
    private final Thread thread = new Thread(this, "squeeze-libc-link");

    private LibcLoader() {
    }

    /** @return a loader already at work, on a daemon thread */
    public static LibcLoader start() {
        LibcLoader loader = new LibcLoader();
        loader.thread.setDaemon(true);
        loader.thread.start();
        return loader;
    }

    @Override
    public void run() {
        try {
            libc = new Libc();
        } catch (RuntimeException | Error e) {
            failure = new IllegalStateException("Cannot link mmap and madvise from libc through the FFM API. "
                    + "Run it as `java -jar squeeze-native-eater.jar` (its manifest enables native access) or add "
                    + "--enable-native-access=ALL-UNNAMED, on Linux with Java 22 or later.", e);
        }
    }

    /**
     * @return the linked calls, once ready
     * @throws IllegalStateException if linking failed, with the cause and a fix
     */
    public Libc await() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return libc;
    }
}
