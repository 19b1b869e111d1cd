package dev.squeeze.internal.workload;

import dev.squeeze.internal.kube.KubeWait;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the wait for a workload says while its pods have just become Ready. */
class WorkloadReadinessLogTest {

    @Test
    void ready_pods_still_checked_for_stability_read_as_one_clause_each() {
        // GIVEN a poll that found both pods Ready, the first time
        KubeWait.Status polled = KubeWait.Status.done("selector app=web: 2/2 Ready\n");

        // WHEN the stability check adds its part
        KubeWait.Status state = WorkloadReadiness.stable(polled, new long[] {0});

        // THEN each clause says one thing, once
        assertThat(state.done()).isFalse();
        assertThat(state.state()).isEqualTo("selector app=web: 2/2 Ready\nall Ready, checking it stays Ready for 2 s\n");
    }
}
