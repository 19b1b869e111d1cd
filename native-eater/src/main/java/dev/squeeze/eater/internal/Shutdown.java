package dev.squeeze.eater.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns SIGTERM (and SIGINT, SIGHUP) into "release the memory, then exit 0", and lets the worker thread
 * sleep until a deadline or a signal, whichever comes first. Internal: no compatibility promise.
 *
 * <pre>{@code
 * Shutdown shutdown = Shutdown.install();       // first thing in main()
 * while (!shutdown.requested()) {
 *     shutdown.sleep(1_000_000_000L);           // parked: no CPU until the deadline or a signal
 * }
 * shutdown.exit(0);
 * }</pre>
 *
 * <p>A JVM shutdown hook, because it is the standard way to hear SIGTERM. The hook must not unmap the
 * memory itself: the worker may be writing to it, and a write to an unmapped page kills the JVM with
 * SIGSEGV. So the hook wakes the worker, which stops between two chunks, unmaps, prints its
 * {@code released} line and calls {@link #exit}; the hook then halts with that status. A JVM that ends on
 * SIGTERM would otherwise exit 143. If the worker is not done within {@link #GRACE_MILLIS} the hook halts
 * anyway with 0: the kernel unmaps everything of an exited process just as well.
 */
public final class Shutdown {
    /** How long the hook waits for the worker, within the one second the contract allows. */
    public static final long GRACE_MILLIS = 800;

    private final Thread worker;
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile boolean exiting;
    private volatile int status;

    private Shutdown(Thread worker) {
        this.worker = worker;
    }

    /** @return a shutdown whose worker is the calling thread, its hook registered */
    public static Shutdown install() {
        Shutdown shutdown = new Shutdown(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(new Thread(new Hook(shutdown), "squeeze-shutdown"));
        return shutdown;
    }

    /** @return a shutdown without a hook, for running the eater in-process (tests): only {@link #request} stops it */
    public static Shutdown detached() {
        return new Shutdown(Thread.currentThread());
    }

    /** @return whether a signal asked the eater to stop */
    public boolean requested() {
        return requested;
    }

    /** Asks the worker to stop, as a signal would. */
    public void request() {
        requested = true;
        LockSupport.unpark(worker);
    }

    /**
     * Parks the worker for up to {@code nanos}, or until a stop is requested; no busy waiting.
     *
     * @param nanos how long at most; nothing happens if not positive
     */
    public void sleep(long nanos) {
        if (nanos > 0 && !requested) {
            LockSupport.parkNanos(this, nanos);
        }
    }

    /**
     * Exits the JVM with {@code status}; when a signal is being handled, hands the status to the hook.
     *
     * @param status the exit status
     */
    public void exit(int status) {
        this.status = status;
        exiting = true;
        exited.countDown();
        System.exit(status);
    }

    private void onJvmShutdown() {
        if (exiting) {
            return;  // we are inside exit(): the status is already the right one
        }
        request();
        try {
            exited.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(exiting ? status : 0);
    }

    private record Hook(Shutdown shutdown) implements Runnable {
        @Override
        public void run() {
            shutdown.onJvmShutdown();
        }
    }
}
