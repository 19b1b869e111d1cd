package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The proof that a node's owner is gone: Ryuk's pattern, inside the node. Right after the k3s container starts, its
 * owner JVM runs a shell in it ({@code docker exec}) whose stdin is a connection the JVM holds open for as long as it
 * lives. When that connection closes (the JVM exited or was killed with {@code kill -9}: the kernel closes its
 * sockets), the shell reads end-of-file, writes {@value #MARKER} and stops k3s, so the node's memory is freed at once.
 * A later run removes a node only when that marker is there ({@link Leftovers}).
 *
 * <p>Liveness is the connection, never a pid: this works when the JVM runs in a CI container with a pid namespace of
 * its own, on another machine (remote Docker), and when jobs share a host name. A watchdog killed by the kernel's OOM
 * killer writes no marker: its node is then left, never removed under a live owner.
 *
 * <pre>{@code
 * OwnerWatchdog watchdog = OwnerWatchdog.attach(docker, containerId, Duration.ofSeconds(30));
 * ...
 * watchdog.close();   // when the node is removed anyway
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class OwnerWatchdog implements AutoCloseable {

    /** Written by the watchdog when its owner's connection closed; read back from the stopped container. */
    static final String MARKER = "/squeeze-owner-gone";
    /** On every watched node: the marker's path. A node without it has no watchdog (an older Squeeze). */
    static final String LABEL = "dev.squeeze.watchdog";
    static final String READY_LINE = "squeeze-watchdog: watching";

    /** A newline this often keeps idle-closing proxies (a TCP {@code DOCKER_HOST}) from closing the connection. */
    private static final Duration KEEPALIVE = Duration.ofSeconds(30);

    private final HeldOpen stdin;
    private final ResultCallback.Adapter<Frame> output;

    private OwnerWatchdog(HeldOpen stdin, ResultCallback.Adapter<Frame> output) {
        this.stdin = stdin;
        this.output = output;
    }

    /**
     * The watchdog's script. It reads lines until end-of-file: only a clean end-of-file (the connection closed) marks
     * the owner gone; a killed shell marks nothing. {@code kill -TERM 1} stops k3s (PID 1), and with it the container;
     * {@code kill -KILL -1} ends every other process in it at once (the hog, the pods, containerd), so the memory is
     * free before k3s has finished its graceful stop.
     */
    static String script() {
        return "echo '" + READY_LINE + "'; while read -r line; do :; done; "
                + "echo \"owner's connection closed at $(date -u +%Y-%m-%dT%H:%M:%SZ)\" > " + MARKER + "; "
                + "kill -TERM 1; kill -KILL -1";
    }

    /**
     * Starts the watchdog in the running container {@code containerId} and waits until it answers.
     *
     * @throws IllegalStateException when it does not answer within {@code timeout}
     */
    static OwnerWatchdog attach(DockerClient docker, String containerId, Duration timeout) {
        String execId = docker.execCreateCmd(containerId).withAttachStdin(true).withAttachStdout(true)
                .withAttachStderr(true).withCmd("sh", "-c", script()).exec().getId();
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder seen = new StringBuilder();
        HeldOpen stdin = new HeldOpen();
        ResultCallback.Adapter<Frame> output = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (seen) {
                    seen.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    if (seen.indexOf(READY_LINE) >= 0) {
                        ready.countDown();
                    }
                }
            }

            @Override
            public void onComplete() {
                // the node is gone: nothing left to hold open
                stdin.close();
                super.onComplete();
            }

            @Override
            public void onError(Throwable throwable) {
                stdin.close();
                super.onError(throwable);
            }
        };
        docker.execStartCmd(execId).withStdIn(stdin).exec(output);
        boolean answered;
        try {
            answered = ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answered = false;
        }
        if (!answered) {
            stdin.close();
            closeQuietly(output);
            String said;
            synchronized (seen) {
                said = seen.toString().strip();
            }
            throw new IllegalStateException("the owner watchdog in k3s container " + shortId(containerId)
                    + " did not answer within " + timeout.toSeconds() + " s (`sh -c` said: '" + said + "'); without"
                    + " it, a node whose JVM is killed could never be proven orphaned and removed");
        }
        return new OwnerWatchdog(stdin, output);
    }

    /** Whether the stopped container {@code containerId} holds the watchdog's marker. */
    static boolean fired(DockerClient docker, String containerId) {
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, MARKER).exec()) {
            return tar.read() >= 0;
        } catch (NotFoundException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the connection: the watchdog then marks the node and stops it (if it is still there). */
    @Override
    public void close() {
        stdin.close();
        closeQuietly(output);
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> output) {
        try {
            output.close();
        } catch (IOException ignored) {
            // the stream is gone either way
        }
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }

    /**
     * The exec's stdin: a newline every {@link #KEEPALIVE}, end-of-file once closed. Interrupts do not end it (an
     * end-of-file would tell the watchdog that its owner is gone).
     */
    private static final class HeldOpen extends InputStream {
        private final CountDownLatch released = new CountDownLatch(1);

        @Override
        public int read() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return released.await(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS) ? -1 : '\n';
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public void close() {
            released.countDown();
        }
    }
}
