package dev.squeeze.junit5.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says why the Docker daemon cannot be reached, in one line. Testcontainers logs the causes of a failed Docker
 * lookup and throws only "Could not find a valid Docker environment", or, from the second lookup in a JVM on,
 * "Previous attempts to find a Docker environment failed. Will not retry"; neither says what to fix.
 *
 * <pre>{@code
 * DockerDiagnosis.of("unix:///nonexistent.sock") // "DOCKER_HOST is unix:///nonexistent.sock, but /nonexistent.sock does not exist"
 * }</pre>
 */
final class DockerDiagnosis {

    static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private DockerDiagnosis() {
    }

    /** The diagnosis for the {@code DOCKER_HOST} environment variable, or the default socket when it is unset. */
    static String ofEnvironment() {
        return of(System.getenv("DOCKER_HOST"));
    }

    /** @param dockerHost a {@code DOCKER_HOST} value such as {@code unix:///var/run/docker.sock}, or null when unset */
    static String of(String dockerHost) {
        boolean unset = dockerHost == null || dockerHost.isBlank();
        String host = unset ? DEFAULT_SOCKET : dockerHost.trim();
        String where = unset ? "DOCKER_HOST is unset, so Docker is looked for at " + host
                : "DOCKER_HOST is " + host;
        return where + ", but " + problem(host).orElse("a daemon answers there that Testcontainers could not use");
    }

    private static Optional<String> problem(String host) {
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            return Optional.of("that is not a URI such as unix:///var/run/docker.sock or tcp://localhost:2375");
        }
        if ("unix".equals(uri.getScheme())) {
            return unixSocket(Path.of(uri.getPath()));
        }
        if ("tcp".equals(uri.getScheme()) && uri.getHost() != null) {
            return tcp(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
        }
        return Optional.of("Squeeze cannot check a '" + uri.getScheme() + "' address itself");
    }

    private static Optional<String> unixSocket(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.of(socket + " does not exist (is the Docker daemon installed and running?)");
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("connecting to " + socket + " failed: " + e.getMessage()
                    + " (is the daemon running, and may this user use the socket?)");
        }
    }

    private static Optional<String> tcp(String hostName, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostName, port), CONNECT_TIMEOUT_MILLIS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("connecting to " + hostName + ":" + port + " failed: " + e.getMessage());
        }
    }
}
