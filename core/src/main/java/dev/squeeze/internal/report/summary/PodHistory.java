package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What happened to one watched pod over the experiment: when it was not Ready and why, restarts, eviction, OOM kill.
 *
 * <!-- sample(ChaosReport report, org.slf4j.Logger log) -->
 * <pre>{@code
 * for (PodHistory pod : PodHistory.of(report)) {
 *     if (pod.leftReadyDuring(Phase.PRESSURE, Phase.HOLD)) pod.describeNotReady(report.started()).forEach(log::warn);
 * }
 * }</pre>
 *
 * @param labels          the labels of its latest sample (empty when the probe did not record them)
 * @param lastPodPhase    status.phase on its last sample
 * @param notReady        stretches where it was not Ready, in time order
 * @param restarts        container restarts during the experiment (last count minus first)
 * @param evicted         the kubelet evicted it during the experiment (status.reason or an Evicted event)
 * @param oomKilled       a container was OOM-killed during the experiment: a termination already shown on the pod's
 *                        first (steady-state) sample is not counted unless the restart count rose after it
 * @param lastTermination the last termination reason seen, or {@code null}
 */
@API(status = INTERNAL, since = "0.1")
public record PodHistory(String namespace, String name, PodRole role, Map<String, String> labels, int samples,
                         Instant firstSeen, Instant lastSeen, String lastPodPhase, List<NotReady> notReady,
                         int restarts, boolean evicted, boolean oomKilled, String lastTermination) {

    /** Phases during which a workload pod is expected to stay Ready. */
    public static final Set<Phase> CHAOS = EnumSet.of(Phase.PRESSURE, Phase.HOLD, Phase.RECOVERY);

    public PodHistory {
        labels = Map.copyOf(labels);
        notReady = List.copyOf(notReady);
    }

    /**
     * A stretch of not being Ready.
     *
     * @param phases the experiment phases it overlapped
     * @param why    what the samples said: pod phase, restarts, termination reasons ({@code container restarted, OOMKilled})
     */
    public record NotReady(TimeSpan span, Set<Phase> phases, String why) {
        public NotReady {
            phases = phases.isEmpty() ? Set.of() : EnumSet.copyOf(phases);
        }
    }

    /** One history per pod, in order of first appearance. */
    public static List<PodHistory> of(ChaosReport report) {
        Map<String, List<PodSample>> byPod = new LinkedHashMap<>();
        for (PodSample s : report.pods()) {
            byPod.computeIfAbsent(s.namespace() + "/" + s.name(), k -> new ArrayList<>()).add(s);
        }
        List<PodHistory> out = new ArrayList<>();
        for (List<PodSample> samples : byPod.values()) {
            out.add(of(samples, report.events()));
        }
        return out;
    }

    static PodHistory of(List<PodSample> samples, List<EventRecord> events) {
        PodSample first = samples.get(0);
        PodSample last = samples.get(samples.size() - 1);
        int maxRestarts = samples.stream().mapToInt(PodSample::restarts).max().orElse(0);
        String lastTermination = null;
        boolean evicted = false;
        boolean oomKilled = false;
        // a pod already seen at steady state brings its past along: a termination it showed then is not damage
        // of this experiment unless it comes back with a higher restart count
        PodSample before = first.phase() == Phase.STEADY_STATE ? first : null;
        for (PodSample s : samples) {
            if (s.lastTermination() != null) {
                lastTermination = s.lastTermination();
                boolean old = before != null && s.lastTermination().equals(before.lastTermination())
                        && s.restarts() <= before.restarts();
                evicted |= !old && "Evicted".equals(s.lastTermination());
                oomKilled |= !old && "OOMKilled".equals(s.lastTermination());
            }
        }
        evicted |= events.stream().anyMatch(e -> "Evicted".equals(e.reason())
                && first.name().equals(e.objectName()) && Objects.equals(first.namespace(), e.namespace()));
        return new PodHistory(first.namespace(), first.name(), first.role(), last.labels(), samples.size(),
                first.at(), last.at(), last.podPhase(), notReadySpans(samples), maxRestarts - first.restarts(),
                evicted, oomKilled, lastTermination);
    }

    private static List<NotReady> notReadySpans(List<PodSample> samples) {
        List<NotReady> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= samples.size(); i++) {
            boolean ready = i == samples.size() || samples.get(i).ready();
            if (!ready && start < 0) {
                start = i;
            } else if (ready && start >= 0) {
                List<PodSample> run = samples.subList(start, i);
                boolean ongoing = i == samples.size();
                Instant end = ongoing ? samples.get(i - 1).at() : samples.get(i).at();
                PodSample before = start > 0 ? samples.get(start - 1) : run.get(0);
                Set<Phase> phases = EnumSet.noneOf(Phase.class);
                run.forEach(s -> phases.add(s.phase()));
                spans.add(new NotReady(new TimeSpan(run.get(0).at(), end, ongoing), phases, why(before, run)));
                start = -1;
            }
        }
        return spans;
    }

    private static String why(PodSample before, List<PodSample> run) {
        List<String> parts = new ArrayList<>();
        PodSample last = run.get(run.size() - 1);
        int restarted = last.restarts() - before.restarts();
        if (restarted > 0) {
            parts.add(restarted == 1 ? "container restarted" : "container restarted " + restarted + "x");
        }
        run.stream().map(PodSample::podPhase).filter(p -> p != null && !"Running".equals(p)).distinct()
                .forEach(p -> parts.add("pod " + p));
        run.stream().map(PodSample::lastTermination).filter(Objects::nonNull)
                .filter(t -> !t.equals(before.lastTermination()) || restarted > 0).distinct().forEach(parts::add);
        return parts.isEmpty() ? "Ready condition False" : String.join(", ", parts);
    }

    /** It was not Ready on some sample taken in one of the given phases (all of {@link #CHAOS} when none given). */
    public boolean leftReadyDuring(Phase... phases) {
        Set<Phase> wanted = phases.length == 0 ? CHAOS : EnumSet.copyOf(List.of(phases));
        return notReady.stream().anyMatch(n -> n.phases().stream().anyMatch(wanted::contains));
    }

    public String key() {
        return namespace + "/" + name;
    }

    /** Evidence lines for assertion messages: {@code web-abc: NotReady from +00:31 to +00:52 (container restarted, OOMKilled)}. */
    public List<String> describeNotReady(Instant origin) {
        return notReady.stream().map(n -> name + ": NotReady from " + Timeline.offset(origin, n.span().start())
                + (n.span().ongoing() ? ", never Ready again (last seen " : " to ")
                + Timeline.offset(origin, n.span().end()) + (n.span().ongoing() ? ")" : "") + " (" + n.why() + ")")
                .toList();
    }
}
