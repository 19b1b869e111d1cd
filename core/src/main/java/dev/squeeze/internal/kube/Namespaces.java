package dev.squeeze.internal.kube;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;

/**
 * The experiment's own namespace, {@code squeeze-<5 random chars>}: created with a managed-by label, awaited until
 * its {@code default} ServiceAccount exists (pods are rejected before that), deleted on close. Internal.
 *
 * <pre>{@code
 * String ns = Namespaces.create(client, Duration.ofSeconds(30), log);
 * Namespaces.delete(client, ns, Duration.ofSeconds(30), log);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Namespaces {

    /** Label put on every namespace Squeeze creates, so leftovers can be found and deleted by hand. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private Namespaces() {
    }

    /** A fresh name such as {@code squeeze-k7b2x}. */
    public static String randomName() {
        StringBuilder name = new StringBuilder("squeeze-");
        for (int i = 0; i < 5; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    /** Creates a fresh namespace and waits for its {@code default} ServiceAccount. */
    public static String create(KubernetesClient client, Duration timeout, Logger log) {
        String name = randomName();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(MANAGED_BY, "squeeze").endMetadata().build()).create();
        KubeWait.until("ServiceAccount default in namespace " + name, timeout, log,
                () -> client.serviceAccounts().inNamespace(name).withName("default").get() != null
                        ? KubeWait.Status.done("present")
                        : KubeWait.Status.pending("ServiceAccount default not created yet by the controller manager"));
        log.info("created namespace {}", name);
        return name;
    }

    /** Deletes the namespace and waits up to {@code timeout} for it to go; logs instead of throwing. */
    public static void delete(KubernetesClient client, String name, Duration timeout, Logger log) {
        try {
            client.namespaces().withName(name).delete();
            KubeWait.until("namespace " + name + " deleted", timeout, log,
                    () -> client.namespaces().withName(name).get() == null
                            ? KubeWait.Status.done("gone") : KubeWait.Status.pending("still terminating"));
        } catch (KubernetesClientException | IllegalStateException e) {
            log.warn("namespace {} was not deleted cleanly; delete it with `kubectl delete namespace {}`: {}",
                    name, name, e.getMessage());
        }
    }
}
