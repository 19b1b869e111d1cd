package dev.squeeze.internal.cluster;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import com.github.dockerjava.api.model.Info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code docker info} of the hosts under test, from {@code src/test/resources/docker-info/} (see its README). */
final class DockerInfoFixtures {

    private static final JsonMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();

    private DockerInfoFixtures() {
    }

    static Info info(String name) {
        try (InputStream in = resource("docker-info/" + name + ".json")) {
            return JSON.readValue(in, Info.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostPreflight preflight(String name) {
        return HostPreflight.of(info(name));
    }

    /** A text fixture, such as a recorded {@code /proc/1/cgroup}. */
    static String text(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = DockerInfoFixtures.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + path);
        }
        return in;
    }
}
