package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.experiment.ExperimentException;
import dev.squeeze.experiment.ExperimentSpec;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.kube.KubeRequest;
import dev.squeeze.internal.pressure.HogTarget;
import dev.squeeze.internal.probe.Observations;
import dev.squeeze.internal.probe.ProbeClients;
import dev.squeeze.internal.probe.Sampler;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterNode;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ReportFiles;
import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.internal.units.Durations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engine behind {@link dev.squeeze.experiment.Experiment#run}: one run, its phases, probes and report. */
@API(status = INTERNAL, since = "0.1")
public final class ExperimentRun {

    private static final Logger LOG = LoggerFactory.getLogger(dev.squeeze.experiment.Experiment.class);
    /** Squeeze's own creates and deletes: one attempt each, bounded (fabric8's default is 10 s, then retries). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ChaosCluster cluster;
    private final ExperimentSpec spec;
    private final KubernetesClient client;
    private final Clock clock = Clock.systemUTC();
    private final Observations observations = new Observations();
    private final PhaseLog phases;
    private final List<String> notes = new ArrayList<>();
    private HogRun hog;
    private HogWatch watch;
    private Sampler sampler;
    private Until until;
    private ResourceAudit resources;
    private KubeRequest.Refused refused;
    private List<ClusterNode> clusterNodes = List.of();

    private ExperimentRun(ChaosCluster cluster, ExperimentSpec spec) {
        this.cluster = cluster;
        this.spec = spec;
        this.client = cluster.client();
        this.phases = new PhaseLog(spec.name(), clock);
    }

    /**
     * Runs the experiment, writes its report files into {@link ExperimentSpec#reportDirectory()} (see
     * {@link #reportFiles}) and returns the report; a phase that times out is marked not completed, the report still
     * comes back.
     *
     * @throws ExperimentException when the API server or a watched pod was unhealthy before chaos, or when the API
     *                              server refused one of Squeeze's own requests (a 4xx such as RBAC's 403, a
     *                              validation 422, a 409, or the hog rejected at admission): the experiment did not
     *                              happen as specified, so there is nothing to judge. Timeouts and connection
     *                              failures during chaos are results, not errors.
     */
    public static ChaosReport run(ChaosCluster cluster, ExperimentSpec spec) {
        return new ExperimentRun(cluster, spec).execute();
    }

    private ChaosReport execute() {
        NodeExpectation.check(cluster, spec);
        Instant started = clock.instant();
        String node = cluster.nodeName();
        String ns = cluster.namespace();
        HogTarget target = HogTarget.resolve(spec.hog(), client.nodes().withName(node).get(),
                cluster.facts().declaredBytes());
        // every probe call is bounded by the tick (request and connect timeouts, a little under the tick so that a call
        // that times out is over before the next tick is due) and never retried
        KubernetesClient probing = ProbeClients.withoutRetries(client, ExperimentProbes.probeTimeout(spec));
        KubernetesClient requests = ProbeClients.withoutRetries(client, REQUEST_TIMEOUT);
        hog = new HogRun(requests, probing, ns, node, spec.name(), spec.hog(), target, HogRun.lifetime(spec),
                observations);
        watch = new HogWatch(hog, clock);
        LOG.info("[{}] hog {} = {} on node {} in namespace {}", spec.name(), spec.hog().describe(), target.describe(),
                node, ns);
        List<String> unsteady = List.of();
        phases.begin(Phase.STEADY_STATE);
        try {
            ExperimentProbes probes = ExperimentProbes.assemble(cluster, spec, probing, hog, observations, started);
            clusterNodes = probes.clusterNodes();
            sampler = Sampler.start(spec.tick(), phases::current, probes.probes());
            until = new Until(sampler::awaitTick, clock);
            unsteady = steadyState();
            if (unsteady.isEmpty()) {
                pressureAndHold();
                recovery();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phases.abandon("interrupted");
            notes.add("the experiment was interrupted in " + phases.current());
        } catch (KubeRequest.Refused e) {
            refused(e);
        } catch (KubernetesClientException e) {
            if (KubeRequest.refused(e)) {
                refused(new KubeRequest.Refused(KubeRequest.of("request", e.getFullResourceName(), e.getNamespace(),
                        e.getName()), e));
            } else {
                // the API server stopped answering in the middle of the chaos: that is a result, not a crash
                phases.abandon("the API server did not answer: " + e.getMessage());
                notes.add("the API server did not answer in " + phases.current() + ", so the experiment stopped"
                        + " there: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            phases.abandon(e.toString());
            throw e;
        } finally {
            hog.fate.stop();
            hog.cleanup();
            if (sampler != null) {
                sampler.close();
                logSamplerStats();
            }
            probing.close();
            requests.close();
        }
        return finish(started, unsteady);
    }

    private void refused(KubeRequest.Refused e) {
        refused = e;
        phases.abandon("refused: " + e.getMessage());
        notes.add("the experiment stopped in " + phases.current() + ": " + e.getMessage());
    }

    private ChaosReport finish(Instant started, List<String> unsteady) {
        ChaosReport report = report(started);
        write(report);
        if (refused != null) {
            boolean hogRefused = hog.fate.verdict().isPresent() && refused.request().resource().equals("pods")
                    && refused.request().name().equals(hog.podName);
            throw new ExperimentException("[" + spec.name() + "] " + (hogRefused
                    ? "no pressure was applied: the hog was rejected at admission"
                    : "the experiment could not run as specified"), List.of(refused.getMessage()), report);
        }
        if (!unsteady.isEmpty()) {
            throw new ExperimentException("[" + spec.name() + "] not steady before chaos; no pressure was applied",
                    unsteady, report);
        }
        return report;
    }

    /** Where {@link #run} writes the JSON and HTML report of {@code spec}. */
    public static ReportFiles reportFiles(ExperimentSpec spec) {
        String stem = ReportWriter.fileStem(spec.name());
        return new ReportFiles(spec.reportDirectory().resolve(stem + ".json"),
                spec.reportDirectory().resolve(stem + ".html"));
    }

    private void write(ChaosReport report) {
        try {
            ReportFiles files = ReportWriter.write(report, spec.reportDirectory());
            LOG.info("[{}] report: {}", spec.name(), files.html().toAbsolutePath());
        } catch (RuntimeException e) {
            // the report itself still goes back to the caller; losing the files must not lose the result
            LOG.warn("[{}] could not write the report files: {}", spec.name(), e.getMessage());
        }
    }

    private List<String> steadyState() throws InterruptedException {
        // at least two ticks, so there is something to judge even with a zero steady-state duration
        Duration observe = spec.steadyState().compareTo(spec.tick().multipliedBy(2)) < 0
                ? spec.tick().multipliedBy(2) : spec.steadyState();
        until.hold(observe, Optional::empty);
        // probes still in flight at the end of the window count (they are stamped with the phase they started in)
        until.await("a first API server sample", spec.tick().multipliedBy(4),
                () -> observations.api().isEmpty() ? Optional.empty() : Optional.of("sampled"), () -> "none yet");
        List<String> evidence = new ArrayList<>(SteadyState.apiEvidence(observations.api()));
        evidence.addAll(SteadyState.podEvidence(client, cluster.namespace(), spec.watchedPods()));
        audit();
        phases.end(evidence.isEmpty(), evidence.isEmpty() ? "completed: API and watched pods healthy for "
                + Durations.format(observe) : "not steady: " + String.join("; ", evidence));
        return evidence;
    }

    /** The deployed workload's requests and limits, read back at steady state; a failed read is a note. */
    private void audit() {
        try {
            resources = ResourceAudits.capture(client, cluster.namespace(), cluster.facts().node(), spec.watchedPods());
        } catch (RuntimeException e) {
            notes.add("the resource audit could not read the workload pods or the node: " + e.getMessage());
        }
    }

    private void pressureAndHold() throws InterruptedException {
        phases.begin(Phase.PRESSURE);
        hog.create();
        sampler.add(hog.follower);
        sampler.add(hog.fate);
        Until.Result ramp = until.await("the hog to fill " + HogRun.human(hog.target.bytes()) + " (rampTimeout)",
                spec.rampTimeout(), watch::rampEnded, watch::state);
        phases.end(ramp.met(), ramp.outcome());
        if (hog.fate.verdict().isPresent() || hog.follower.stopped()) {
            skipHold(hog.fate.verdict().map(v -> "the hog was " + v.fate() + " during pressure")
                    .orElse("the hog stopped during pressure (" + watch.state() + ")"));
            return;
        }
        phases.begin(Phase.HOLD);
        Until.Result held = until.hold(spec.hog().hold(), watch::ended);
        // a hold cut short by the hog's fate is still a completed phase: the fate is the finding, not a timeout
        phases.end(true, held.outcome());
    }

    private void skipHold(String why) {
        phases.begin(Phase.HOLD);
        phases.end(true, "skipped: " + why);
    }

    private void recovery() throws InterruptedException {
        phases.begin(Phase.RECOVERY);
        Instant start = clock.instant();
        hog.fate.freeze();
        Recovery recovery = new Recovery(hog, observations, spec.recoveryWindow(), start);
        Duration timeout = spec.recoveryTimeout();
        // a thrashing node's API server answers now and then: its delete is sent again until recoveryTimeout
        Until.Result gone = until.await("the hog pod to be deleted (recoveryTimeout)", timeout, hog::deletedYet,
                hog::deletionState);
        Until.Result clear = !gone.met() ? gone : until.await("MemoryPressure to clear and stay clear for "
                        + Durations.format(spec.recoveryWindow()) + " (recoveryTimeout)",
                remaining(start, timeout), recovery::pressureClear, recovery::pressureState);
        Until.Result admitted = !clear.met() ? clear : until.await("a new pod to be admitted (recoveryTimeout)",
                remaining(start, timeout), recovery::admitted, recovery::admissionState);
        phases.end(admitted.met(), admitted.met()
                ? "recovered after " + Durations.format(Duration.between(start, clock.instant())) + ": hog deleted, "
                + clear.outcome() + ", " + admitted.outcome()
                : admitted.outcome());
    }

    private Duration remaining(Instant start, Duration timeout) {
        Duration left = timeout.minus(Duration.between(start, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void logSamplerStats() {
        Sampler.Stats s = sampler.stats();
        LOG.info("[{}] sampler: {} ticks every {}, lateness max {} ms mean {} ms, {} missed, skipped {}", spec.name(),
                s.ticks(), Durations.format(spec.tick()), s.maxLateness().toMillis(), s.meanLateness().toMillis(),
                s.missedTicks(), s.skipped());
        if (s.missedTicks() > 0) {
            notes.add("the sampler missed " + s.missedTicks() + " ticks (the test JVM itself was starved)");
        }
    }

    private ChaosReport report(Instant started) {
        HogOutcome outcome = hog.outcome();
        List<String> all = new ArrayList<>(hog.notes(outcome));
        all.addAll(notes);
        MetricsWarnings.note(observations.events()).ifPresent(all::add);
        ClusterFacts facts = cluster.facts() == null || resources == null ? cluster.facts()
                : cluster.facts().withResources(resources);
        return new ChaosReport(spec.name(), started, clock.instant(), facts,
                spec.hog().describe() + " = " + hog.target.describe(), phases.spans(), observations.api(),
                observations.node(), observations.pods(), observations.hog(), observations.events(),
                observations.http(), outcome, all, clusterNodes, observations.otherNodes());
    }
}
