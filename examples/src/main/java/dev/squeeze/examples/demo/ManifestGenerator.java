package dev.squeeze.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Build step (run by the exec plugin): packs the compiled {@link DemoServer} into a jar and writes the example's
 * manifests with that jar inlined as ConfigMap {@code binaryData}. The workload then runs on the stock
 * {@code eclipse-temurin:25-jre} image, so the examples need no image registry and no image build.
 */
public final class ManifestGenerator {

    private static final List<String> TEMPLATES = List.of("overcommitted.yaml", "tuned.yaml", "spread.yaml");

    private ManifestGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String jar = Base64.getEncoder().encodeToString(demoJar(classes));
        Files.createDirectories(out);
        for (String name : TEMPLATES) {
            String template = resource("/k8s-templates/" + name);
            Files.writeString(out.resolve(name), template.replace("${DEMO_JAR_BASE64}", jar));
        }
        // the seed's web pods on one worker of a multi-node cluster (SeedOutageOnAWorkerIT): overcommitted.yaml
        // pinned to the worker labelled squeeze.dev/profile=overcommitted; and fixed (SeedOutageFixedOnAWorkerIT):
        // tuned.yaml pinned to the worker labelled squeeze.dev/profile=tuned
        Files.writeString(out.resolve("seed-worker.yaml"), pinned(Files.readString(out.resolve("overcommitted.yaml")),
                "squeeze.dev/profile", "overcommitted"));
        Files.writeString(out.resolve("seed-worker-fixed.yaml"), pinned(Files.readString(out.resolve("tuned.yaml")),
                "squeeze.dev/profile", "tuned"));
    }

    /** The pod template of every Deployment in {@code yaml} with a {@code nodeSelector} of {@code key: value}. */
    static String pinned(String yaml, String key, String value) {
        String podSpec = "    spec:\n      securityContext:";
        if (!yaml.contains(podSpec)) {
            throw new IllegalStateException("no pod template spec to pin in the template");
        }
        return yaml.replace(podSpec, "    spec:\n      nodeSelector:\n        " + key + ": " + value
                + "\n      securityContext:");
    }

    private static byte[] demoJar(Path classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, DemoServer.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path dir = classes.resolve(DemoServer.class.getPackageName().replace('.', '/'));
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
             var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("DemoServer"))::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ManifestGenerator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
