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
                + " eviction for memory, no OOM kill, memory.available never down to the eviction threshold, memory"
                + " wall never 95% full, no API server starvation); it was still running at the end");
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
        // GIVEN instead a web pod OOM-killed at +31 during the chaos
        List<PodSample> pods = new ArrayList<>(quiet.pods());
        pods.add(new PodSample(t(31), Phase.RECOVERY, "default", "web-6f7c-xyz", PodRole.WORKLOAD, "Running", false, 1,
                "OOMKilled", null, Map.of("app", "web")));
        assertThat(Validity.of(ReportFixtures.with(quiet, null, null, pods)).valid()).isTrue();
    }

    @Test
    void a_starving_api_server_is_pressure_even_when_the_hog_could_no_longer_be_read() {
        // GIVEN a hog last seen at 46% of its target, then the API server failing from +10 on (as in a 2Gi node with
        // no eviction threshold: the hog's progress can no longer be read, its recorded peak is a lower bound)
        ChaosReport quiet = ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 706, 1536));
        ChaosReport starved = ReportFixtures.with(quiet, ReportFixtures.api("+".repeat(10) + "-".repeat(50)), null, null);
        ChaosReport blip = ReportFixtures.with(quiet, ReportFixtures.api("+".repeat(10) + "---" + "+".repeat(47)), null,
                null);
        assertThat(Validity.of(starved).valid()).isTrue();
        assertThat(Validity.of(blip).valid()).as("three failed ticks are a blip, not starvation").isFalse();
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
