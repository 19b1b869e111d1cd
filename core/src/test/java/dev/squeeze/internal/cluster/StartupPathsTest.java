package dev.squeeze.internal.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupPathsTest {

    @Test
    void pathsRunSideBySideAndOneWaitsForAnothersResult() {
        // GIVEN two paths that can only both finish if they run at the same time, one using the other's result
        StartupPaths paths = new StartupPaths("test");
        CountDownLatch both = new CountDownLatch(2);
        CompletableFuture<String> node = paths.submit("node", () -> {
            both.countDown();
            await(both);
            return "node-1";
        });
        CompletableFuture<String> hook = paths.submit(StartupPaths.HOOK, () -> {
            both.countDown();
            await(both);
            return "deployed on " + StartupPaths.join(node);
        });

        // WHEN all are awaited  THEN both are done
        paths.awaitAll();
        assertThat(hook.join()).isEqualTo("deployed on node-1");
    }

    @Test
    @Timeout(30) // a hang guard: an awaitAll that waited for every path would block on the node path forever
    void theFirstFailureIsThrownAsItWasAndStopInterruptsThePathsStillRunning() throws InterruptedException {
        // GIVEN a hook that fails while the node path is still waiting
        StartupPaths paths = new StartupPaths("test");
        IllegalStateException workloadNotReady = new IllegalStateException("workload pods [app=web] not Ready");
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        paths.submit("node", () -> {
            try {
                never.await(); // blocked until interrupted: the node that never becomes Ready
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            stopped.countDown();
            return "node-1";
        });
        paths.submit(StartupPaths.HOOK, () -> {
            throw workloadNotReady;
        });

        // WHEN all are awaited  THEN the hook's own exception comes out at once, known to come from the hook
        assertThatThrownBy(paths::awaitAll).isSameAs(workloadNotReady);
        assertThat(stopped.getCount()).as("the node path is still running: awaitAll did not wait for it").isOne();
        assertThat(paths.failedIn(workloadNotReady, StartupPaths.HOOK)).isTrue();
        assertThat(paths.failedIn(workloadNotReady, "node")).isFalse();

        // WHEN stopped  THEN the node path is interrupted
        paths.stop();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void aFailedResultIsRethrownAsItWasToThePathWaitingForIt() {
        // GIVEN a read-back that failed
        StartupPaths paths = new StartupPaths("test");
        IllegalStateException lxcfs = new IllegalStateException("MemTotal inside the k3s container differs");
        CompletableFuture<Long> memTotal = paths.async(() -> {
            throw lxcfs;
        });

        // WHEN another path joins it  THEN it sees the same exception, not a wrapper
        assertThatThrownBy(() -> StartupPaths.join(memTotal)).isSameAs(lxcfs);
        paths.stop();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other path ran at the same time").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
