package dev.squeeze.junit5.testkit;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.experiment.ExperimentSpec;
import dev.squeeze.junit5.internal.ChaosEngine;
import dev.squeeze.junit5.internal.NodeFitness;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.workload.WorkloadSpec;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ChaosEngine} that starts nothing and writes what it was asked to do into the {@link Journal}, so
 * EngineTestKit tests can assert lifecycle and close order without Docker. Installed by {@link SqueezeTestKit} through
 * the test-only {@code EngineHook}; a fresh one per test class, hence the shared static journal.
 */
public final class FakeEngine implements ChaosEngine {

    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    @Override
    public Optional<RuntimeException> dockerProblem() {
        return Journal.dockerProblem().map(IllegalStateException::new);
    }

    @Override
    public ChaosCluster startK3s(NodeSpec node) {
        Journal.record("start k3s " + node.memory() + " " + node.image());
        Journal.failIf("start");
        return new FakeCluster("k3s-" + CLUSTERS.incrementAndGet());
    }

    @Override
    public ChaosCluster attach(ExistingClusterSpec cluster) {
        Journal.record("attach " + cluster.kubeconfig().getFileName() + " context=" + cluster.context());
        Journal.failIf("attach");
        return new FakeCluster("existing-" + CLUSTERS.incrementAndGet());
    }

    @Override
    public ChaosCluster borrow(ChaosCluster node) {
        Journal.record("borrow " + node.nodeName());
        Journal.failIf("borrow");
        return new FakeCluster(node.nodeName(), "return " + node.nodeName());
    }

    @Override
    public Optional<String> unfitForReuse(ChaosCluster node, Instant lentSince) {
        Journal.record("check " + node.nodeName());
        NodeBuilder state = new NodeBuilder().withNewMetadata().withName(node.nodeName()).endMetadata().withNewStatus()
                .addToAllocatable("memory", new Quantity(String.valueOf(node.facts().allocatableBytes()))).endStatus();
        Journal.conditions().forEach((type, status) -> state.editStatus().addNewCondition().withType(type)
                .withStatus(status).endCondition().endStatus());
        // the real rules, on the node and pods the test set up
        Optional<String> unfit = NodeFitness.judge(node.nodeName(), state.build(), Journal.pods(),
                node.facts().allocatableBytes(), lentSince);
        unfit.ifPresent(why -> Journal.record("unfit " + node.nodeName() + ": " + why));
        return unfit;
    }

    @Override
    public AutoCloseable deploy(ChaosCluster cluster, WorkloadSpec workload) {
        String manifests = String.join(",", workload.manifests());
        Journal.record("deploy " + manifests);
        Journal.failIf("deploy " + manifests);
        return () -> Journal.record("delete " + manifests);
    }

    @Override
    public ChaosReport run(ChaosCluster cluster, ExperimentSpec spec) {
        Journal.record("run " + spec.name() + " on " + cluster.nodeName());
        Journal.experiment(spec);
        Journal.failIf("run");
        Instant now = Instant.now();
        ClusterFacts facts = new ClusterFacts("fake", "v0", cluster.nodeName(), "none", 0, 0, 0, null, 0, List.of());
        return new ChaosReport(spec.name(), now, now, facts, spec.hog().describe(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(),
                new HogOutcome(HogFate.EVICTED, "fake", now, 0, 0, true, 0), List.of());
    }

    @Override
    public ReportFiles write(ChaosReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            Path json = Files.writeString(directory.resolve(report.name() + ".json"), "{}");
            Path html = Files.writeString(directory.resolve(report.name() + ".html"), "<html></html>");
            return new ReportFiles(json, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
