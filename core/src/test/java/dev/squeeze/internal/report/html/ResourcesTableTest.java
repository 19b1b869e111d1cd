package dev.squeeze.internal.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.NodeMemory;
import dev.squeeze.report.ResourceAudit.PodResources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit's bar shows the node the limits verdict is about: the fullest one. */
class ResourcesTableTest {

    private static final long MI = 1L << 20;

    @Test
    void a_workload_on_two_nodes_is_drawn_against_its_fullest_node() {
        // GIVEN web-0 (900Mi) on the 1.5Gi target and web-1 (1100Mi) on a 1Gi node
        ResourceAudit spread = new ResourceAudit("k3s-node", 1536 * MI, 2048 * MI, List.of(
                new PodResources("web-0", "k3s-node", "Guaranteed", 900 * MI, 900 * MI, List.of()),
                new PodResources("web-1", "k3s-node-2", "Guaranteed", 1100 * MI, 1100 * MI, List.of())),
                List.of(new NodeMemory("k3s-node", 1536 * MI, 2048 * MI),
                        new NodeMemory("k3s-node-2", 1024 * MI, 2048 * MI)));
        // WHEN
        String svg = ResourcesTable.bar(spread);
        // THEN not 2000Mi against the target's 1.5Gi
        assertThat(svg).contains("fullest node k3s-node-2: limits 107.4% of allocatable, requests 107.4%")
                .contains("black line: allocatable " + Html.bytes(1024 * MI));
    }
}
