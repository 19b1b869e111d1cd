package dev.squeeze.junit5.testkit;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.report.ClusterFacts;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.util.List;

/** A cluster that exists only in the {@link Journal}; its client points nowhere and is never called. */
final class FakeCluster implements ChaosCluster {

    private final String name;
    private final KubernetesClient client;
    private final String closeEntry;

    FakeCluster(String name) {
        this(name, "close " + name);
    }

    /** A cluster whose close is journaled as {@code closeEntry}, such as a view of a shared node. */
    FakeCluster(String name, String closeEntry) {
        this.name = name;
        this.closeEntry = closeEntry;
        this.client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:9").withNamespace("squeeze").build())
                .build();
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public String namespace() {
        return "squeeze";
    }

    @Override
    public String nodeName() {
        return name;
    }

    @Override
    public ClusterFacts facts() {
        return new ClusterFacts("fake", "v0", name, "none", 0, 0, 0, null, 0, List.of());
    }

    @Override
    public void loadImages(List<String> images) {
        Journal.record("load " + images);
    }

    @Override
    public void close() {
        Journal.record(closeEntry);
        client.close();
    }
}
