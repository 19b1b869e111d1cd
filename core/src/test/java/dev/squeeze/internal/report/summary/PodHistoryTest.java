package dev.squeeze.internal.report.summary;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodHistoryTest {

    /** web-abc: Ready, then at +31 restarted after an OOM kill, NotReady until +52. */
    static List<PodSample> oomKilledWeb() {
        List<PodSample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            boolean down = s >= 31 && s < 52;
            int restarts = s >= 31 ? 1 : 0;
            samples.add(new PodSample(t(s), s < 5 ? Phase.STEADY_STATE : Phase.PRESSURE, "default", "web-6f7c-abc",
                    PodRole.WORKLOAD, "Running", !down, restarts, s >= 31 ? "OOMKilled" : null, null,
                    Map.of("app", "web")));
        }
        return samples;
    }

    @Test
    void a_restart_after_an_oom_kill_is_a_not_ready_span_with_its_reason() {
        // GIVEN
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, null, oomKilledWeb());
        // WHEN
        List<PodHistory> pods = PodHistory.of(report);
        // THEN
        assertThat(pods).singleElement().satisfies(p -> {
            assertThat(p.restarts()).isEqualTo(1);
            assertThat(p.oomKilled()).isTrue();
            assertThat(p.evicted()).isFalse();
            assertThat(p.leftReadyDuring()).isTrue();
            assertThat(p.leftReadyDuring(Phase.STEADY_STATE)).isFalse();
            assertThat(p.notReady()).singleElement().satisfies(n -> {
                assertThat(n.span()).isEqualTo(new TimeSpan(t(31), t(52), false));
                assertThat(n.why()).isEqualTo("container restarted, OOMKilled");
            });
            assertThat(p.describeNotReady(t(0))).containsExactly(
                    "web-6f7c-abc: NotReady from +00:31 to +00:52 (container restarted, OOMKilled)");
        });
    }

    @Test
    void the_scenario_hog_is_evicted_and_workload_pods_stay_ready() {
        ReportSummary summary = ReportSummary.of(ReportFixtures.evictionScenario());
        assertThat(summary.workloadPodsThatLeftReady()).isEmpty();
        PodHistory hog = summary.pods().stream().filter(p -> p.role() == PodRole.HOG).findFirst().orElseThrow();
        assertThat(hog.evicted()).isTrue();
        assertThat(hog.lastPodPhase()).isEqualTo("Failed");
        assertThat(hog.describeNotReady(t(0))).last().isEqualTo(
                "squeeze-hog: NotReady from +00:18, never Ready again (last seen +00:19) (pod Failed, Evicted)");
    }

    @Test
    void selectors_match_labels_roles_and_name_patterns() {
        List<PodHistory> pods = PodHistory.of(ReportFixtures.evictionScenario());
        assertThat(PodSelector.parse("app=web").select(pods)).extracting(PodHistory::name)
                .containsExactly("web-6f7c-abc", "web-6f7c-def");
        assertThat(PodSelector.parse("app=web,tier!=cache").select(pods)).hasSize(2);
        assertThat(PodSelector.parse("hog").select(pods)).extracting(PodHistory::name).containsExactly("squeeze-hog");
        assertThat(PodSelector.parse("kube-system/coredns-*").select(pods)).hasSize(1);
        assertThat(PodSelector.parse("web-6f7c-d").select(pods)).extracting(PodHistory::name)
                .containsExactly("web-6f7c-def");
        assertThat(PodSelector.parse("app=db").select(pods)).isEmpty();
    }

    @Test
    void a_label_selector_falls_back_to_workload_pods_when_no_labels_were_recorded() {
        List<PodSample> unlabelled = List.of(
                new PodSample(t(0), Phase.PRESSURE, "default", "web-1", PodRole.WORKLOAD, "Running", true, 0, null, null),
                new PodSample(t(0), Phase.PRESSURE, "squeeze", "hog", PodRole.HOG, "Running", true, 0, null, null));
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, null, unlabelled);
        assertThat(PodSelector.parse("app=web").select(PodHistory.of(report))).extracting(PodHistory::name)
                .containsExactly("web-1");
    }
    /** web-abc was OOM-killed once at startup (restart count 1, last termination OOMKilled) and is Ready throughout. */
    static List<PodSample> oomKilledBeforeTheExperiment(String laterTermination, int laterRestarts) {
        List<PodSample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            boolean later = s >= 40;
            samples.add(new PodSample(t(s), s < 5 ? Phase.STEADY_STATE : Phase.PRESSURE, "default", "web-6f7c-abc",
                    PodRole.WORKLOAD, "Running", true, later ? laterRestarts : 1,
                    later ? laterTermination : "OOMKilled", null, Map.of("app", "web")));
        }
        return samples;
    }

    @Test
    void a_termination_already_there_on_the_first_steady_state_sample_is_not_damage_of_the_experiment() {
        // GIVEN a pod OOM-killed at startup, Ready from the first sample on
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, null,
                oomKilledBeforeTheExperiment("OOMKilled", 1));
        // WHEN
        PodHistory pod = PodHistory.of(report).get(0);
        // THEN
        assertThat(pod.oomKilled()).isFalse();
        assertThat(pod.evicted()).isFalse();
        assertThat(pod.restarts()).isZero();
        assertThat(pod.lastTermination()).isEqualTo("OOMKilled");
    }

    @Test
    void the_same_termination_again_during_the_experiment_counts_when_the_restart_count_rose() {
        // GIVEN the pod OOM-killed at startup and once more at +40
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, null,
                oomKilledBeforeTheExperiment("OOMKilled", 2));
        // WHEN
        PodHistory pod = PodHistory.of(report).get(0);
        // THEN
        assertThat(pod.oomKilled()).isTrue();
        assertThat(pod.restarts()).isEqualTo(1);
    }

    @Test
    void a_pod_first_seen_during_pressure_with_a_termination_was_damaged_during_the_experiment() {
        // GIVEN a pod that appears at +10 (PRESSURE), already OOM-killed
        List<PodSample> samples = oomKilledBeforeTheExperiment("OOMKilled", 1).subList(10, 61);
        ChaosReport report = ReportFixtures.with(ReportFixtures.evictionScenario(), null, null, samples);
        // WHEN
        PodHistory pod = PodHistory.of(report).get(0);
        // THEN
        assertThat(pod.oomKilled()).isTrue();
    }
}
