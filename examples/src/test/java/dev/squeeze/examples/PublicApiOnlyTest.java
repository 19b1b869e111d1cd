package dev.squeeze.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples and the consumer projects are written the way a user writes tests: against the public API only. A
 * reference to a {@code dev.squeeze...internal} package (an import or a fully qualified name) fails the build.
 */
class PublicApiOnlyTest {

    private static final Pattern INTERNAL = Pattern.compile("dev\\.squeeze(\\.\\w+)*\\.internal\\b");

    @Test
    void the_examples_and_consumer_projects_use_no_internal_type() throws IOException {
        List<Path> roots = List.of(Path.of("src"), Path.of("../consumer-tests/src"));
        assertThat(roots).allSatisfy(root -> assertThat(root).isDirectory());
        List<String> offenders;
        try (Stream<Path> files = roots.stream().flatMap(PublicApiOnlyTest::javaFiles)) {
            offenders = files.flatMap(PublicApiOnlyTest::internalReferences).collect(Collectors.toList());
        }
        assertThat(offenders).as("references to Squeeze's internal packages (use the public API only)").isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> internalReferences(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> INTERNAL.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
