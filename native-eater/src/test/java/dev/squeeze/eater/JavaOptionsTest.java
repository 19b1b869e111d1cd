package dev.squeeze.eater;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.eater.internal.Mapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The recommended JVM flags live in the pom (and from there the manifest); the docs must say the same. */
class JavaOptionsTest {
    private static final String OPTIONS = System.getProperty("squeeze.eater.javaOptions");

    @Test
    void the_readme_recommends_the_manifest_flags() throws IOException {
        assertThat(OPTIONS).as("system property squeeze.eater.javaOptions, set by the pom").isNotBlank();

        assertThat(Files.readString(Path.of("README.md"))).contains("\n" + OPTIONS + "\n", "\njava " + OPTIONS + " \\\n");
    }

    @Test
    void the_dockerfile_entrypoint_uses_the_manifest_flags() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher entrypoint = Pattern.compile("ENTRYPOINT \\[(.*?)]", Pattern.DOTALL).matcher(dockerfile);
        assertThat(entrypoint.find()).as("an ENTRYPOINT in exec form").isTrue();
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(entrypoint.group(1));
        while (word.find()) {
            words.add(word.group(1));
        }

        assertThat(String.join(" ", words)).isEqualTo("java " + OPTIONS + " -jar /opt/squeeze/native-eater.jar");
    }

    @Test
    void the_method_the_readme_names_for_compile_only_exists() throws IOException, NoSuchMethodException {
        assertThat(Files.readString(Path.of("README.md"))).contains("-XX:CompileOnly=" + Mapping.class.getName() + "::touch");
        assertThat(Mapping.class.getMethod("touch", long.class, long.class)).isNotNull();
    }
}
