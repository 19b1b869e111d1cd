package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The API server's call latency against the Kubernetes API call latency SLO (kubernetes/community,
 * {@code sig-scalability/slos/api_call_latency.md}): "Latency of non-streaming read-only API calls for every
 * (resource, scope) pair ... 99th percentile per cluster-day (a) &lt;= 1s if {@code scope=resource}", where latency is
 * the time "from the moment when apiserver gets the request to last byte of response sent to the user".
 *
 * <p>Which calls count: every observed call of the {@code pooled} probe, the small read a controller would make over
 * its keep-alive connection, failed calls included with the time until they failed (a call that timed out after 2 s
 * took at least 2 s, so a starving API server cannot pass by not answering). The probe's call is
 * {@code GET /api/v1/namespaces/<ns>/pods?limit=1}: a read that returns at most one object, but formally a
 * namespace-scoped LIST, for which the SLO allows more; it is held to the single-object bound of 1 s, the stricter
 * one. Not counted: the {@code fresh} probe ({@code /readyz} is not a resource call, and its time includes a new TLS
 * handshake) and ticks nobody observed (no call time is known; they count against availability instead). Measured on
 * the client, so the time includes the network hop the SLO leaves out: a stricter reading again.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * ApiLatencySlo slo = ApiLatencySlo.of(report);              // all phases
 * slo.met();                                                 // p99 <= 1 s
 * ApiLatencySlo.of(report, Phase.PRESSURE, Phase.HOLD).p99();
 * }</pre>
 *
 * @param calls  the counted calls, in time order
 * @param phases the phases the calls were taken from (all when the report was not narrowed)
 */
@API(status = INTERNAL, since = "0.1")
public record ApiLatencySlo(List<Call> calls, Set<Phase> phases) {

    /** The SLO's bound for single-object ({@code scope=resource}) calls: 99th percentile at most 1 s. */
    public static final Duration P99_BOUND = Duration.ofSeconds(1);

    /** How many of the slowest calls a message or the JSON shows. */
    public static final int WORST_SHOWN = 3;

    public ApiLatencySlo {
        calls = List.copyOf(calls);
        phases = Set.copyOf(phases);
    }

    /** One counted call: when, in which phase, how long it took, and its error if it failed. */
    public record Call(Instant at, Phase phase, Duration latency, String error) {
    }

    /** The pooled probe's observed calls during the given phases (all phases when none given). */
    public static ApiLatencySlo of(ChaosReport report, Phase... only) {
        Set<Phase> wanted = only.length == 0 ? EnumSet.allOf(Phase.class) : EnumSet.copyOf(Arrays.asList(only));
        List<Call> calls = report.api().stream()
                .filter(s -> wanted.contains(s.phase()) && !(s.pooled() instanceof ProbeOutcome.Unobserved))
                .map(s -> new Call(s.at(), s.phase(), s.pooled().latency(),
                        s.pooled() instanceof ProbeOutcome.Failure f ? f.error() : null))
                .toList();
        return new ApiLatencySlo(calls, wanted);
    }

    /** Nearest-rank percentiles of the counted calls. */
    public Latencies latencies() {
        return Latencies.of(calls.stream().map(Call::latency).toList());
    }

    public Duration p99() {
        return latencies().p99();
    }

    /** At least one call was counted and the 99th percentile is at most {@link #P99_BOUND}. */
    public boolean met() {
        return !calls.isEmpty() && p99().compareTo(P99_BOUND) <= 0;
    }

    /** The slowest calls, slowest first, at most {@link #WORST_SHOWN}. */
    public List<Call> worst() {
        return calls.stream().sorted(Comparator.comparing(Call::latency).reversed()).limit(WORST_SHOWN).toList();
    }
}
