package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The paths of a k3s start that run side by side, each on a daemon thread of its own: {@link #awaitAll()} returns
 * when all are done, or throws the first failure as it was thrown (so messages stay those of the step that failed);
 * {@link #stop()} then interrupts the others.
 *
 * <pre>{@code
 * StartupPaths paths = new StartupPaths("k3s-start-0e2179f8ffe8");
 * CompletableFuture<Long> memTotal = paths.submit("MemTotal", readBack::checkMemTotalInside);
 * paths.submit("node", () -> awaitNodeReady());
 * paths.awaitAll();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class StartupPaths {

    /** The path that runs the caller's hook; its failure is the caller's own, not k3s's. */
    static final String HOOK = "hook";

    private final ExecutorService pool;
    private final CompletionService<Object> completion;
    private final Map<Future<Object>, String> names = new LinkedHashMap<>();
    private volatile RuntimeException failure;
    private volatile String failedPath;

    StartupPaths(String threadPrefix) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadPrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.completion = new ExecutorCompletionService<>(pool);
    }

    /** Runs {@code task} on a path of its own; the future lets another path wait for its result. */
    <T> CompletableFuture<T> submit(String name, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<Object> future = completion.submit(() -> {
            try {
                T value = task.get();
                result.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        names.put(future, name);
        return result;
    }

    /** Runs {@code task} on the same threads, inside a path: a read-back the path then joins. */
    <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, pool);
    }

    /** Waits for every path; on the first failure, throws it (the others keep running until {@link #stop()}). */
    void awaitAll() {
        for (int i = 0; i < names.size(); i++) {
            Future<Object> done;
            try {
                done = completion.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while k3s was starting", e);
            }
            try {
                done.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                failedPath = names.get(done);
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                throw failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while k3s was starting", e);
            }
        }
        pool.shutdown();
    }

    /** Whether {@code e} is the failure {@link #awaitAll()} threw from the path {@code name}. */
    boolean failedIn(RuntimeException e, String name) {
        return e == failure && name.equals(failedPath);
    }

    /** Interrupts the paths still running and gives them a moment to clean up (a hook deletes what it applied). */
    void stop() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Another path's result, waiting for it; its failure is rethrown as it was thrown. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another step of the k3s start", e);
        }
    }
}
