package dev.squeeze.internal.workload;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the objects of a manifest reference: {@code classpath:k8s/app.yaml} or a file path, each possibly a
 * multi-document YAML (or JSON, or a {@code List}). Parsing is local; nothing is sent to the cluster.
 *
 * <!-- sample(KubernetesClient client) -->
 * <pre>{@code
 * List<HasMetadata> objects = Manifests.load(client, "classpath:k8s/app.yaml");
 * List<HasMetadata> checked = Manifests.parse("classpath:k8s/app.yaml"); // no client, for validation
 * }</pre>
 *
 * A {@code kind} fabric8 has no model for comes back as a {@code GenericKubernetesResource}: a custom resource, or a
 * typo in {@code kind}/{@code apiVersion}; telling them apart is the caller's business.
 */
@API(status = INTERNAL, since = "0.1")
public final class Manifests {

    static final String CLASSPATH = "classpath:";
    private static final Pattern MARK = Pattern.compile("line:? (\\d+), column:? (\\d+)");

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
        return parse(reference, client.getKubernetesSerialization());
    }

    /**
     * Reads and parses one reference without a cluster, exactly as {@link #load(KubernetesClient, String)} does.
     *
     * @throws IllegalArgumentException when it is missing, unreadable, not YAML (with the line where known), empty,
     *                                  or has an object without kind or metadata.name
     */
    public static List<HasMetadata> parse(String reference) {
        return parse(reference, new KubernetesSerialization());
    }

    private static List<HasMetadata> parse(String reference, KubernetesSerialization serialization) {
        byte[] yaml = read(reference);
        List<HasMetadata> objects;
        try {
            objects = objects(serialization.unmarshal(new ByteArrayInputStream(yaml)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("`manifests` entry '" + reference + "' is not valid Kubernetes YAML: "
                    + rootMessage(e) + "; check it with `kubectl apply --dry-run=client -f <file>`", e);
        }
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

    /** A document, a multi-document list or a {@code kind: List}, flattened; blank documents are dropped. */
    private static List<HasMetadata> objects(Object parsed) {
        List<?> items;
        if (parsed == null) {
            items = List.of();
        } else if (parsed instanceof KubernetesResourceList<?> list) {
            items = list.getItems();
        } else if (parsed instanceof List<?> list) {
            items = list;
        } else {
            items = List.of(parsed);
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof KubernetesResourceList<?> || item instanceof List<?>) {
                objects.addAll(objects(item));
            } else if (item instanceof HasMetadata object) {
                objects.add(object);
            } else if (item != null) {
                throw new IllegalArgumentException("a document has no apiVersion and kind (or is not a YAML"
                        + " mapping), so it is no Kubernetes object");
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

    /** The parser's first line, plus where it stopped ({@code at line 6, column 10}) when the parser says so. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName());
        String first = message.lines().findFirst().orElse("");
        Matcher mark = MARK.matcher(message);
        String where = "";
        while (mark.find()) {
            where = " at line " + mark.group(1) + ", column " + mark.group(2);
        }
        return first + where;
    }
}
