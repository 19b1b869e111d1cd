package dev.squeeze.junit5.it;

import com.github.dockerjava.api.model.Container;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A failing test on a real node: the failure points at the report, and the node's container is gone afterwards. */
class FailingTestCleanupIT {

    private static volatile List<String> containersDuringTest = List.of();
    private static volatile String nodeName = "";

    @Test
    void failingTestRemovesItsContainerAndPointsAtTheReport() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailingTestCase.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getPayload(ReportEntry.class).stream())
                .map(entry -> entry.getKeyValuePairs().get("squeeze.report.failed")).filter(Objects::nonNull))
                .singleElement().asString().endsWith("FailingTestCase-fails.html");
        assertThat(containersDuringTest).as("containers while the test ran").anyMatch(id -> id.startsWith(nodeName));
        assertThat(containerIds()).as("containers after the class ended").noneMatch(id -> id.startsWith(nodeName));
    }

    private static List<String> containerIds() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().stream()
                .map(Container::getId).toList();
    }

    @ChaosNode
    static class FailingTestCase {
        @Test
        @MemoryHog(size = "30%", rate = "200Mi/s", hold = "2s", recoveryWindow = "5s")
        void fails(ChaosCluster cluster) {
            nodeName = cluster.nodeName();
            containersDuringTest = containerIds();
            throw new AssertionError("the workload did not survive (on purpose)");
        }
    }
}
