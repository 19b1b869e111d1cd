package dev.squeeze.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthetic reports for tests: the realistic eviction scenario of the brief (a 2 GiB node, the hog ramps 100Mi/s,
 * MemoryPressure at +14 s, eviction at +18 s, a 3 s API gap) and small pieces to vary it.
 */
public final class ReportFixtures {

    public static final Instant T0 = Instant.parse("2025-11-27T12:00:00Z");
    public static final long MI = 1L << 20;

    private ReportFixtures() {
    }

    public static Instant t(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    public static Phase phaseAt(int s) {
        return s < 5 ? Phase.STEADY_STATE : s < 18 ? Phase.PRESSURE : Phase.RECOVERY;
    }

    public static List<PhaseSpan> phases() {
        return List.of(new PhaseSpan(Phase.STEADY_STATE, t(0), t(5), true, "completed"),
                new PhaseSpan(Phase.PRESSURE, t(5), t(18), true, "completed: hog evicted before reaching its target"),
                new PhaseSpan(Phase.HOLD, t(18), t(18), true, "skipped: the hog is gone"),
                new PhaseSpan(Phase.RECOVERY, t(18), t(66), true, "completed: MemoryPressure clear for 15s, pod admitted"));
    }

    public static ClusterFacts facts() {
        return new ClusterFacts("k3s", "v1.34.4+k3s1", "k3s-node", "physical wall: cgroup v1 parent "
                + "memory.limit_in_bytes=2Gi shared by k3s and pods", 2048 * MI, 24 * 1024 * MI, 1536 * MI,
                1792 * MI, 256 * MI, List.of("--kubelet-arg=system-reserved=memory=22Gi",
                "--kubelet-arg=kube-reserved=memory=256Mi",
                "--kubelet-arg=eviction-hard=memory.available<256Mi,nodefs.available<5%,imagefs.available<5%",
                "--kubelet-arg=eviction-pressure-transition-period=30s")).withResources(audit());
    }

    /** Two Burstable web pods (128Mi/256Mi) and one BestEffort sidecar against 1536Mi allocatable, 24Gi capacity. */
    public static ResourceAudit audit() {
        return new ResourceAudit("k3s-node", 1536 * MI, 24 * 1024 * MI, List.of(
                new ResourceAudit.PodResources("web-0", "k3s-node", "Burstable", 128 * MI, 256 * MI, List.of()),
                new ResourceAudit.PodResources("web-1", "k3s-node", "Burstable", 128 * MI, 256 * MI, List.of()),
                new ResourceAudit.PodResources("sidecar", "k3s-node", "BestEffort", 0, 0, List.of("tail"))));
    }

    /** The brief's scenario: ticks every second from +0 to +66. */
    public static ChaosReport evictionScenario() {
        List<ApiSample> api = new ArrayList<>();
        List<NodeSample> node = new ArrayList<>();
        List<PodSample> pods = new ArrayList<>();
        List<HogSample> hog = new ArrayList<>();
        List<HttpSample> http = new ArrayList<>();
        for (int s = 0; s <= 66; s++) {
            Phase phase = phaseAt(s);
            boolean freshFails = s == 16 || s == 17;
            api.add(new ApiSample(t(s), phase, freshFails
                    ? ProbeOutcome.failure(Duration.ofSeconds(1), "TLS handshake timeout")
                    : ProbeOutcome.success(Duration.ofMillis(s >= 12 && s <= 19 ? 180 + 40 * (s % 4) : 6 + s % 5), 200),
                    s == 17 ? ProbeOutcome.failure(Duration.ofSeconds(2), "timeout after 2s")
                            : ProbeOutcome.success(Duration.ofMillis(3 + s % 3), 200)));
            long hogBytes = s >= 5 && s < 18 ? Math.min((s - 5) * 100 * MI, 1536 * MI) : 0;
            long used = 780 * MI + hogBytes;
            node.add(new NodeSample(t(s), phase, "k3s-node", true, s >= 14 && s < 48,
                    s == 17 ? null : Math.max(96 * MI, 2048 * MI - used), s == 17 ? null : used,
                    t(s - s % 10)));
            for (String name : List.of("web-6f7c-abc", "web-6f7c-def")) {
                pods.add(new PodSample(t(s), phase, "default", name, PodRole.WORKLOAD, "Running", true, 0, null,
                        180 * MI, Map.of("app", "web")));
            }
            pods.add(new PodSample(t(s), phase, "kube-system", "coredns-7b98449c4-x2x9q", PodRole.SYSTEM, "Running",
                    true, 0, null, 20 * MI, Map.of("k8s-app", "kube-dns")));
            if (s >= 4 && s <= 19) {
                boolean gone = s >= 18;
                pods.add(new PodSample(t(s), phase, "squeeze", "squeeze-hog", PodRole.HOG, gone ? "Failed" : "Running",
                        !gone && s >= 5, 0, gone ? "Evicted" : null, hogBytes + 40 * MI, Map.of("app", "squeeze-hog")));
            }
            if (s >= 50) {
                pods.add(new PodSample(t(s), phase, "squeeze", "squeeze-admission-check", PodRole.ADMISSION_CHECK,
                        s < 52 ? "Pending" : "Running", s >= 52, 0, null, null, Map.of()));
            }
            if (s >= 5 && s < 18) {
                hog.add(new HogSample(t(s + 0.3), "ramp", 1536 * MI, hogBytes, hogBytes + 28 * MI));
            }
            http.add(new HttpSample(t(s + 0.5), phase, s == 17
                    ? ProbeOutcome.failure(Duration.ofMillis(1200), "HTTP 502 Bad Gateway")
                    : ProbeOutcome.success(Duration.ofMillis(s >= 13 && s <= 18 ? 90 : 14), 200)));
        }
        List<EventRecord> events = List.of(
                event(14, "Warning", "EvictionThresholdMet", "Node", "", "k3s-node", "Attempting to reclaim memory", Map.of()),
                event(14.2, "Normal", "NodeHasInsufficientMemory", "Node", "", "k3s-node",
                        "Node k3s-node status is now: NodeHasInsufficientMemory", Map.of()),
                event(18, "Warning", "Evicted", "Pod", "squeeze", "squeeze-hog",
                        "The node was low on resource: memory. Threshold quantity: 256Mi, available: 98304Ki.",
                        Map.of("starved_resource", "memory", "offending_containers", "eater")),
                event(18.1, "Normal", "Killing", "Pod", "squeeze", "squeeze-hog", "Stopping container eater", Map.of()),
                event(48, "Normal", "NodeHasSufficientMemory", "Node", "", "k3s-node",
                        "Node k3s-node status is now: NodeHasSufficientMemory", Map.of()),
                event(50.2, "Normal", "Scheduled", "Pod", "squeeze", "squeeze-admission-check",
                        "Successfully assigned squeeze/squeeze-admission-check to k3s-node", Map.of()));
        HogOutcome outcome = new HogOutcome(HogFate.EVICTED, "The node was low on resource: memory.", t(18),
                1536 * MI, 1200 * MI, false, 0);
        return new ChaosReport("EvictionTest#bestEffortHogIsEvicted()", T0, t(66), facts(),
                "1536Mi of node (BestEffort, priority 0) at 100Mi/s, hold 30s", phases(), api, node, pods, hog,
                events, http, outcome, List.of("the hog was evicted at 1200Mi before reaching its 1536Mi target"));
    }

    public static EventRecord event(double s, String type, String reason, String kind, String ns, String name,
                                    String message, Map<String, String> annotations) {
        return new EventRecord(t(s), type, reason, kind, ns, name, message, annotations);
    }

    /** A report with nothing recorded: valid, but every assertion on it must fail saying so. */
    public static ChaosReport empty() {
        return new ChaosReport("Empty#nothing()", T0, t(1), facts(), "", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, List.of());
    }

    /** One API sample per second from a pattern: {@code +} success, {@code -} failure; all in PRESSURE. */
    public static List<ApiSample> api(String pattern) {
        List<ApiSample> api = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            ProbeOutcome o = pattern.charAt(i) == '+' ? ProbeOutcome.success(Duration.ofMillis(10 + i), 200)
                    : ProbeOutcome.failure(Duration.ofSeconds(1), "TLS handshake timeout");
            api.add(new ApiSample(t(i), Phase.PRESSURE, o, o));
        }
        return api;
    }

    public static ChaosReport with(ChaosReport r, List<ApiSample> api, List<NodeSample> node, List<PodSample> pods) {
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster(), r.hogSpec(), r.phases(),
                api == null ? r.api() : api, node == null ? r.node() : node, pods == null ? r.pods() : pods, r.hog(),
                r.events(), r.http(), r.hogOutcome(), r.notes());
    }

    public static ChaosReport withHog(ChaosReport r, HogOutcome outcome, List<EventRecord> events) {
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster(), r.hogSpec(), r.phases(), r.api(),
                r.node(), r.pods(), r.hog(), events, r.http(), outcome, r.notes());
    }

    public static ChaosReport withHttp(ChaosReport r, List<HttpSample> http) {
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster(), r.hogSpec(), r.phases(), r.api(),
                r.node(), r.pods(), r.hog(), r.events(), http, r.hogOutcome(), r.notes());
    }

    /**
     * The scenario as it looks when the hog made no pressure: the node never reported MemoryPressure and kept plenty
     * of memory, and no event was recorded; the hog ended as {@code outcome}.
     */
    public static ChaosReport quiet(HogOutcome outcome) {
        ChaosReport r = evictionScenario();
        List<NodeSample> node = r.node().stream().map(s -> new NodeSample(s.at(), s.phase(), s.node(), true, false,
                1536 * MI, 512 * MI, s.leaseRenewed())).toList();
        return withHog(with(r, null, node, null), outcome, List.of());
    }

    /** A hog outcome with sizes in MiB. */
    public static HogOutcome hog(HogFate fate, String reason, long peakMi, long targetMi) {
        return new HogOutcome(fate, reason, fate == HogFate.SURVIVED || fate == HogFate.NEVER_STARTED ? null : t(9),
                targetMi * MI, peakMi * MI, peakMi >= targetMi, 0);
    }

    /** The scenario with the node unobserved on ticks {@code from} to {@code to} (inclusive). */
    public static ChaosReport nodeUnobserved(ChaosReport r, int from, int to, String reason) {
        List<NodeSample> node = new ArrayList<>();
        for (NodeSample s : r.node()) {
            int second = (int) Duration.between(T0, s.at()).toSeconds();
            node.add(second >= from && second <= to ? NodeSample.unobserved(s.at(), s.phase(), s.node(), reason) : s);
        }
        return with(r, null, node, null);
    }

    public static ChaosReport withPhases(ChaosReport r, List<PhaseSpan> phases) {
        return new ChaosReport(r.name(), r.started(), r.finished(), r.cluster(), r.hogSpec(), phases, r.api(),
                r.node(), r.pods(), r.hog(), r.events(), r.http(), r.hogOutcome(), r.notes());
    }
}
