package dev.squeeze.internal.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fabric8 mock API server in CRUD mode that also answers expectations, plus the one controller Squeeze's code
 * waits for: the ServiceAccount controller that puts {@code default} into every new namespace.
 */
public final class SqueezeMockKube implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final KubernetesClient controllerClient;
    private final ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mock-serviceaccount-controller");
        t.setDaemon(true);
        return t;
    });

    public SqueezeMockKube() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
        controllerClient = server.createClient();
        controller.scheduleWithFixedDelay(this::defaultServiceAccounts, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void defaultServiceAccounts() {
        try {
            KubernetesClient c = controllerClient;
            for (Namespace ns : c.namespaces().list().getItems()) {
                String name = ns.getMetadata().getName();
                if (c.serviceAccounts().inNamespace(name).withName("default").get() == null) {
                    c.serviceAccounts().inNamespace(name).resource(new ServiceAccountBuilder().withNewMetadata()
                            .withName("default").withNamespace(name).endMetadata().build()).create();
                }
            }
        } catch (RuntimeException e) {
            // the next round retries; a test that depends on it times out with its own message
        }
    }

    public KubernetesMockServer server() {
        return server;
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        controller.shutdownNow();
        client.close();
        controllerClient.close();
        server.destroy();
    }
}
