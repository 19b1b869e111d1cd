package dev.squeeze.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the objects of a manifest reference: {@code classpath:k8s/app.yaml} or a file path, each possibly a
 * multi-document YAML (or JSON, or a {@code List}). Parsing is local; nothing is sent to the cluster.
 *
 * <pre>{@code
 * List<HasMetadata> objects = Manifests.load(client, "classpath:k8s/app.yaml");
 * }</pre>
 */
public final class Manifests {

    static final String CLASSPATH = "classpath:";

    private Manifests() {
    }

    /**
     * Loads every object of every reference, in order.
     *
     * @throws IllegalArgumentException when a reference is missing, unreadable, unparseable or empty, naming it and the fix
     */
    public static List<HasMetadata> load(KubernetesClient client, List<String> references) {
        List<HasMetadata> all = new ArrayList<>();
        for (String reference : references) {
            all.addAll(load(client, reference));
        }
        return all;
    }

    /** Loads the objects of one reference. */
    public static List<HasMetadata> load(KubernetesClient client, String reference) {
        byte[] yaml = read(reference);
        List<HasMetadata> items;
        try {
            items = client.load(new ByteArrayInputStream(yaml)).items();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("`manifests` entry '" + reference + "' is not valid Kubernetes YAML: "
                    + rootMessage(e) + "; check it with `kubectl apply --dry-run=client -f <file>`", e);
        }
        List<HasMetadata> objects = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("`manifests` entry '" + reference + "' contains no Kubernetes"
                    + " objects; give it at least one document with apiVersion, kind and metadata.name");
        }
        for (HasMetadata o : objects) {
            if (o.getMetadata() == null || o.getMetadata().getName() == null || o.getKind() == null) {
                throw new IllegalArgumentException("`manifests` entry '" + reference + "' has an object without"
                        + " kind or metadata.name (" + o.getKind() + "); every document needs apiVersion, kind and"
                        + " metadata.name");
            }
        }
        return objects;
    }

    static byte[] read(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("`manifests` entry must not be blank; use classpath:k8s/app.yaml or a"
                    + " file path");
        }
        if (reference.startsWith(CLASSPATH)) {
            String resource = reference.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            try (InputStream in = open(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("`manifests` entry '" + reference + "' is not on the"
                            + " classpath; put the file at src/test/resources/" + resource
                            + " (or src/main/resources) or use a file path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalArgumentException("`manifests` entry '" + reference + "' could not be read: "
                        + e.getMessage(), e);
            }
        }
        Path file = Path.of(reference);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("`manifests` entry '" + reference + "' is not a file (resolved to "
                    + file.toAbsolutePath() + "); use a path relative to " + Path.of("").toAbsolutePath()
                    + " or classpath:path/in/resources.yaml");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("`manifests` entry '" + reference + "' could not be read: "
                    + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(resource);
        return in != null ? in : Manifests.class.getClassLoader().getResourceAsStream(resource);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName()).lines().findFirst().orElse("");
    }
}
