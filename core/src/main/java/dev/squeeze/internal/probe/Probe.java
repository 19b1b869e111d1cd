package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One thing the {@link Sampler} looks at on every tick. A probe records what it saw into the {@link Observations}
 * it was built with; it must return within about two ticks (its own timeout), and must not throw for what it
 * observes (a failure is an observation).
 *
 * <!-- sample(KubernetesClient client, Observations observations) -->
 * <pre>{@code
 * Probe probe = new NodeProbe(client, "k3s-node", 200L << 20, Duration.ofSeconds(2), observations, () -> "");
 * try (Sampler sampler = Sampler.start(Duration.ofSeconds(1), () -> Phase.STEADY_STATE, List.of(probe))) { ... }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public interface Probe {

    /** A short name for logs, such as {@code api} or {@code node}. */
    String name();

    /** Looks once; called on a probe thread of its own, never concurrently with itself unless {@link #overlapping()}. */
    void sample(Tick tick) throws Exception;

    /**
     * Whether a new tick may start while the previous one still runs. Probes with a hard timeout of their own (the
     * API server probe) say yes, so a hanging API server shows as one failure per tick rather than skipped ticks.
     */
    default boolean overlapping() {
        return false;
    }

    /**
     * Records that nobody saw anything on {@code tick}: the sampler missed it, skipped it (the previous run was still
     * going) or closed while it was in flight. Probes whose samples form the tick grid (API server, node, HTTP) record
     * an unobserved sample, so the tick counts against availability; the others have nothing to record.
     */
    default void unobserved(Tick tick, String reason) {
    }
}
