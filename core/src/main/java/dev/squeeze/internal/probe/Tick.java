package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.Phase;

import java.time.Duration;
import java.time.Instant;

/**
 * One tick of the {@link Sampler}: its index on the absolute schedule, the time it was due, the experiment's phase
 * at that moment, and how late the sampler dispatched it.
 *
 * <!-- sample(org.slf4j.Logger LOG) -->
 * <pre>{@code
 * public void sample(Tick tick) {
 *     LOG.debug("tick {} in {}, {} late", tick.index(), tick.phase(), tick.lateness());
 * }
 * }</pre>
 *
 * @param index    0 for the first tick; tick {@code n} is due at {@code origin + n * period}
 * @param due      when the tick was due on the wall clock
 * @param phase    the experiment phase when it was dispatched
 * @param lateness how long after {@code due} it was dispatched (the sampler's jitter)
 */
@API(status = INTERNAL, since = "0.1")
public record Tick(long index, Instant due, Phase phase, Duration lateness) {
}
