package dev.squeeze.internal.report.summary;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.hog;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a run applied memory pressure: what the hog did, and what the node showed. */
class ValidityTest {

    @Test
    void a_real_eviction_on_the_way_to_the_target_is_valid() {
        // GIVEN the scenario: the hog is evicted for memory at 1200Mi of 1536Mi (78%)
        Validity v = Validity.of(ReportFixtures.evictionScenario());
        // THEN
        assertThat(v.valid()).isTrue();
        assertThat(v.reason()).isEmpty();
        assertThat(v.pressure()).isEqualTo("the hog was EVICTED at 1.17 GiB of 1.50 GiB (78%): The node was low on"
                + " resource: memory.");
        assertThat(v.phaseProblems()).isEmpty();
        assertThat(v.phasesCompleted()).isTrue();
    }

    @Test
    void a_hog_rejected_at_admission_applied_no_pressure() {
        ChaosReport r = ReportFixtures.withHog(ReportFixtures.evictionScenario(), hog(HogFate.REJECTED,
                "the API server refused the hog pod: pods \"squeeze-hog\" is forbidden: no PriorityClass with name"
                        + " hgih was found", 0, 1536), List.of());
        Validity v = Validity.of(r);
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("no pressure was applied: the hog was rejected at admission: the API server"
                + " refused the hog pod: pods \"squeeze-hog\" is forbidden: no PriorityClass with name hgih was found");
        assertThat(v.headline()).isEqualTo(v.reason());
    }

    @Test
    void a_hog_that_never_started_applied_no_pressure() {
        Validity v = Validity.of(ReportFixtures.quiet(hog(HogFate.NEVER_STARTED,
                "container waiting: ErrImagePull image \"eclipse-temurin:99-jre\" not found", 0, 1536)));
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("no pressure was applied: the hog never started: container waiting:"
                + " ErrImagePull image \"eclipse-temurin:99-jre\" not found");
    }

    @Test
    void a_hog_far_below_its_target_on_a_quiet_node_applied_no_pressure() {
        Validity v = Validity.of(ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 180, 1500)));
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("no pressure was applied: the hog reached 180.0 MiB of 1.46 GiB (12%), below"
                + " the 90% a valid run needs, and the node showed no sign of memory pressure (no MemoryPressure, no"
                + " eviction for memory, no OOM kill of the node, memory.available never down to the eviction"
                + " threshold, memory wall never 95% full, no API server starvation while memory was short); it was"
                + " still running when HOLD ended");
    }

    @Test
    void a_full_memory_wall_is_pressure_even_when_the_hog_stalled_below_its_target() {
        // GIVEN a hog stalled at 79% of its target on a 2Gi node with no eviction threshold: the wall is full, the
        // kernel reclaims from everything (an overcommitted run where the API server kept answering)
        ChaosReport quiet = ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 1280, 1600));
        long wall = quiet.cluster().declaredBytes();
        ChaosReport full = ReportFixtures.with(quiet, null, quiet.node().stream()
                .map(s -> s.withWall(s.phase() == Phase.PRESSURE ? wall - wall / 100 : wall / 2, "wall")).toList(),
                null);
        ChaosReport roomy = ReportFixtures.with(quiet, null, quiet.node().stream()
                .map(s -> s.withWall(wall * 90 / 100, "wall")).toList(), null);
        assertThat(Validity.of(full).valid()).isTrue();
        assertThat(Validity.of(full).pressure()).contains("the node showed pressure: the node's memory wall was full:"
                + " working set 1.98 GiB of its 2.00 GiB at +00:05");
        assertThat(Validity.of(roomy).valid()).as("a wall 90% full is not full").isFalse();
    }

    @Test
    void ninety_percent_of_the_target_is_enough_on_its_own() {
        assertThat(Validity.of(ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 1383, 1536))).valid()).isTrue();
        assertThat(Validity.of(ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 1382, 1536))).valid()).isFalse();
    }

    @Test
    void an_oom_kill_on_the_way_is_pressure() {
        Validity v = Validity.of(ReportFixtures.quiet(hog(HogFate.OOM_KILLED, "OOMKilled (exit 137)", 900, 1536)));
        assertThat(v.valid()).isTrue();
        assertThat(v.pressure()).isEqualTo("the hog was OOM_KILLED at 900.0 MiB of 1.50 GiB (58%): OOMKilled (exit 137)");
    }

    @Test
    void an_eviction_for_another_resource_on_a_quiet_node_is_not() {
        Validity v = Validity.of(ReportFixtures.quiet(hog(HogFate.EVICTED,
                "The node was low on resource: ephemeral-storage.", 300, 1536)));
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).startsWith("no pressure was applied: the hog reached 300.0 MiB of 1.50 GiB (19%)")
                .endsWith("it ended EVICTED: The node was low on resource: ephemeral-storage.");
    }

    @Test
    void a_hog_stopped_early_counts_when_the_node_showed_pressure() {
        // GIVEN a hog still running at 40% of its target, and a node that reported MemoryPressure from +14
        ChaosReport quiet = ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 614, 1536));
        ChaosReport pressed = ReportFixtures.with(quiet, null, ReportFixtures.evictionScenario().node(), null);
        assertThat(Validity.of(quiet).valid()).isFalse();
        assertThat(Validity.of(pressed).valid()).isTrue();
    }

    @Test
    void a_container_oom_killed_by_its_own_limit_is_not_node_pressure_but_a_node_oom_is() {
        // GIVEN a hog still running at 40% of its target on a quiet node, and a web pod OOM-killed at +31: its own
        // 256Mi limit, a memcg OOM the node's memory had no part in
        ChaosReport quiet = ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 614, 1536));
        List<PodSample> pods = new ArrayList<>(quiet.pods());
        pods.add(new PodSample(t(31), Phase.RECOVERY, "default", "web-6f7c-xyz", PodRole.WORKLOAD, "Running", false, 1,
                "OOMKilled", null, Map.of("app", "web")));
        ChaosReport limitOom = ReportFixtures.with(quiet, null, null, pods);
        // GIVEN instead the same kill by the node's OOM killer: the kubelet's SystemOOM event says so
        ChaosReport nodeOom = ReportFixtures.withHog(limitOom, limitOom.hogOutcome(), List.of(ReportFixtures.event(31,
                "Warning", "SystemOOM", "Node", "", "k3s-node", "System OOM encountered, victim process: java, pid:"
                        + " 4242", Map.of())));

        // WHEN/THEN the container's own limit is no evidence; the node's OOM kill is
        assertThat(Validity.of(limitOom).valid()).as(Validity.of(limitOom).reason()).isFalse();
        assertThat(Validity.of(nodeOom).valid()).isTrue();
        assertThat(Validity.of(nodeOom).pressure()).endsWith("the node showed pressure: SystemOOM at +00:31: System"
                + " OOM encountered, victim process: java, pid: 4242");
    }

    @Test
    void a_starving_api_server_is_pressure_when_the_nodes_memory_was_short_not_when_only_its_cpu_was() {
        // GIVEN a hog last seen at 46% of its target, then the API server failing from +10 on (as in a 2Gi node with
        // no eviction threshold: the hog's progress can no longer be read, its recorded peak is a lower bound)
        ChaosReport quiet = ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 706, 1536));
        ChaosReport cpuStarved = ReportFixtures.with(quiet, ReportFixtures.api("+".repeat(10) + "-".repeat(50)), null,
                null);
        long wall = quiet.cluster().declaredBytes();
        // the node's wall 92% full while the API server fails (below the 95% that is evidence on its own)
        ChaosReport memoryStarved = ReportFixtures.with(cpuStarved, null, quiet.node().stream()
                .map(s -> s.withWall(s.at().isBefore(t(10)) ? wall / 2 : wall * 92 / 100, "wall")).toList(), null);
        ChaosReport blip = ReportFixtures.with(memoryStarved, ReportFixtures.api("+".repeat(10) + "---"
                + "+".repeat(47)), null, null);

        // WHEN/THEN only failing API ticks with the node's memory short are evidence
        assertThat(Validity.of(cpuStarved).valid()).as("API failures with no sign from the node").isFalse();
        assertThat(Validity.of(memoryStarved).valid()).isTrue();
        assertThat(Validity.of(memoryStarved).pressure()).contains("the API server failed more than 3 ticks in a row"
                + " from +00:10 while the node's memory wall was 92.0% full: TLS handshake timeout");
        assertThat(Validity.of(blip).valid()).as("three failed ticks are a blip, not starvation").isFalse();
    }

    @Test
    void a_survived_hog_whose_progress_was_never_read_is_judged_on_the_nodes_evidence() {
        // GIVEN a hog that SURVIVED the hold but whose log was never read (peak 0), on a node that reported
        // MemoryPressure, and the same hog on a quiet node
        ChaosReport quiet = ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 0, 1536));
        ChaosReport pressed = ReportFixtures.with(quiet, null, ReportFixtures.evictionScenario().node(), null);

        // WHEN/THEN the node was looked at: its pressure makes the run valid, and "no sign" is said only after looking
        assertThat(Validity.of(pressed).valid()).isTrue();
        assertThat(Validity.of(quiet).reason()).contains("the node showed no sign of memory pressure");
        // a hog that failed at once without touching memory is not credited with the node's pressure
        ChaosReport failed = ReportFixtures.with(ReportFixtures.quiet(hog(HogFate.FAILED, "exit 64", 0, 1536)), null,
                ReportFixtures.evictionScenario().node(), null);
        assertThat(Validity.of(failed).reason()).contains("it never reported touching any memory")
                .doesNotContain("showed no sign");
    }

    @Test
    void a_run_that_never_reached_pressure_says_why() {
        ChaosReport r = ReportFixtures.withPhases(ReportFixtures.evictionScenario(), List.of(new PhaseSpan(
                Phase.STEADY_STATE, t(0), t(5), false, "not steady: web-1 not Ready")));
        Validity v = Validity.of(r);
        assertThat(v.reason()).isEqualTo("no pressure was applied: the experiment never reached PRESSURE"
                + " (STEADY_STATE: not steady: web-1 not Ready)");
        assertThat(v.phaseProblems()).containsExactly("STEADY_STATE did not complete: not steady: web-1 not Ready",
                "PRESSURE never ran", "HOLD never ran", "RECOVERY never ran");
    }

    @Test
    void coverage_counts_observed_ticks_per_signal() {
        // GIVEN the node unobserved from +30 to +35 (6 ticks) and one HTTP tick unobserved at +40
        ChaosReport r = ReportFixtures.nodeUnobserved(ReportFixtures.evictionScenario(), 30, 35, "API did not answer");
        List<HttpSample> http = new ArrayList<>(r.http());
        http.set(40, new HttpSample(http.get(40).at(), http.get(40).phase(), ProbeOutcome.unobserved("missed")));
        Validity v = Validity.of(ReportFixtures.withHttp(r, http));
        // THEN
        assertThat(v.coverage()).extracting(SignalCoverage::signal, SignalCoverage::scheduled, SignalCoverage::observed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("API server (fresh)", 67, 67),
                        org.assertj.core.groups.Tuple.tuple("API server (pooled)", 67, 67),
                        org.assertj.core.groups.Tuple.tuple("node k3s-node", 67, 61),
                        org.assertj.core.groups.Tuple.tuple("HTTP probe", 67, 66));
        SignalCoverage node = v.coverage().get(2);
        assertThat(node.percent()).isCloseTo(91.04, org.assertj.core.data.Offset.offset(0.01));
        assertThat(node.gaps()).singleElement().satisfies(g -> {
            assertThat(g.ticks()).isEqualTo(6);
            assertThat(g.describe(r.started())).isEqualTo("+00:30 to +00:36 (6.0 s, 6 ticks, in RECOVERY): API did not"
                    + " answer");
            assertThat(g.blindSpotDuringChaos()).isTrue();
        });
    }
}
