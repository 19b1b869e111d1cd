package dev.squeeze.internal.probe;

import dev.squeeze.internal.units.Durations;
import dev.squeeze.report.PressureStall;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The node's memory wall and PSI, read off the tick on a thread of their own and within their own budget: on cgroup
 * v2 or without host files they are {@code docker exec}s into the node, slow exactly when the wall is full, and a slow
 * read must make that reading unavailable for the tick, never the whole node sample.
 *
 * <pre>{@code
 * WallReads reads = new WallReads(wall, Duration.ofSeconds(2));
 * long deadline = reads.deadline();
 * CompletableFuture<WallReads.Read> pending = reads.start();
 * WallReads.Read read = reads.await(pending, deadline); // unavailable, saying why, if it did not answer in time
 * }</pre>
 */
final class WallReads {

    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "squeeze-wall-read");
        t.setDaemon(true);
        return t;
    });

    private final NodeMemorySource wall;
    private final Duration budget;
    private final AtomicReference<CompletableFuture<Read>> inFlight = new AtomicReference<>();

    WallReads(NodeMemorySource wall, Duration budget) {
        this.wall = wall;
        this.budget = budget;
    }

    /** The wall's two readings of one tick. */
    record Read(NodeMemorySource.Reading memory, PressureStall psi) {
        static Read unavailable(String why) {
            return new Read(NodeMemorySource.Reading.unavailable(why), PressureStall.unavailable(why));
        }
    }

    /** When a read started now must have answered, in {@link System#nanoTime()}. */
    long deadline() {
        return System.nanoTime() + budget.toNanos();
    }

    /** Starts this tick's reads, unless the last ones still run (then this tick's are unavailable, saying so). */
    CompletableFuture<Read> start() {
        CompletableFuture<Read> previous = inFlight.get();
        if (previous != null && !previous.isDone()) {
            return CompletableFuture.completedFuture(Read.unavailable("the wall's reads of an earlier tick (docker"
                    + " exec in the k3s container) are still running; not started again"));
        }
        CompletableFuture<Read> read = CompletableFuture.supplyAsync(() -> new Read(readWall(), readPressure()),
                READERS);
        inFlight.set(read);
        return read;
    }

    /** The reads of {@code read}, or unavailable with the reason when they did not answer by {@code deadline}. */
    Read await(CompletableFuture<Read> read, long deadline) throws InterruptedException {
        try {
            return read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Read.unavailable("the wall's reads (docker exec in the k3s container) did not answer within "
                    + Durations.format(budget) + " (a full wall slows them); the node sample went on without them");
        } catch (ExecutionException e) {
            return Read.unavailable(ApiGet.describe(e.getCause()));
        }
    }

    private NodeMemorySource.Reading readWall() {
        try {
            return wall.read();
        } catch (RuntimeException e) {
            return NodeMemorySource.Reading.unavailable(ApiGet.describe(e));
        }
    }

    private PressureStall readPressure() {
        try {
            return wall.pressure();
        } catch (RuntimeException e) {
            return PressureStall.unavailable(ApiGet.describe(e));
        }
    }
}
