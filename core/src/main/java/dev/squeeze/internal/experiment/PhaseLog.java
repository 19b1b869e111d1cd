package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.internal.units.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The phases as they run: which one is current (the sampler stamps every sample with it) and how each ended.
 * Logs each phase at INFO with its elapsed time.
 */
@API(status = INTERNAL, since = "0.1")
public final class PhaseLog {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseLog.class);

    private final String experiment;
    private final Clock clock;
    private final Instant origin;
    private final List<PhaseSpan> spans = new ArrayList<>();
    private volatile Phase current = Phase.STEADY_STATE;
    private Instant currentStart;

    public PhaseLog(String experiment, Clock clock) {
        this.experiment = experiment;
        this.clock = clock;
        this.origin = clock.instant();
    }

    public Phase current() {
        return current;
    }

    Instant currentStart() {
        return currentStart;
    }

    public synchronized void begin(Phase phase) {
        if (currentStart != null) {
            throw new IllegalStateException(current + " has not ended; end it before " + phase + " begins");
        }
        current = phase;
        currentStart = clock.instant();
        LOG.info("[{}] {} begins at +{}", experiment, phase, Durations.format(elapsed(currentStart)));
    }

    /** Ends the current phase; {@code completed} is false when its timeout expired or it failed. */
    public synchronized PhaseSpan end(boolean completed, String outcome) {
        if (currentStart == null) {
            throw new IllegalStateException("no phase is running");
        }
        Instant end = clock.instant();
        PhaseSpan span = new PhaseSpan(current, currentStart, end, completed, outcome);
        spans.add(span);
        currentStart = null;
        String took = Durations.format(Duration.between(span.start(), end));
        if (completed) {
            LOG.info("[{}] {} ended after {}: {}", experiment, span.phase(), took, outcome);
        } else {
            LOG.warn("[{}] {} did NOT complete after {}: {}", experiment, span.phase(), took, outcome);
        }
        return span;
    }

    /** Ends the current phase, if one is running, as interrupted by {@code why} (an exception on the way out). */
    public synchronized void abandon(String why) {
        if (currentStart != null) {
            end(false, "aborted: " + why);
        }
    }

    public synchronized List<PhaseSpan> spans() {
        return List.copyOf(spans);
    }

    private Duration elapsed(Instant at) {
        return Duration.between(origin, at);
    }
}
