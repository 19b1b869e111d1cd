package dev.squeeze.internal.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The conditions the pressure and hold phases wait on: the hog holds its target, met its fate, or its eater let go of
 * its memory (then the kubelet gets {@link #FATE_GRACE} to say why before the phase ends anyway).
 */
@API(status = INTERNAL, since = "0.1")
public final class HogWatch {

    /** How long after the eater let go to wait for the kubelet to say why (pod reason, Evicted event). */
    static final Duration FATE_GRACE = Duration.ofSeconds(5);

    private final HogRun hog;
    private final Clock clock;
    private Instant stoppedSince;

    HogWatch(HogRun hog, Clock clock) {
        this.hog = hog;
        this.clock = clock;
    }

    /** The end of the pressure phase: the hog holds its target, or it ended as {@link #ended} says. */
    Optional<String> rampEnded() {
        if (hog.follower.reachedHold()) {
            return Optional.of("the hog holds its target: " + state());
        }
        return ended();
    }

    /** The hog met its fate, or its eater said it let go of its memory (the pod's reason may follow a tick later). */
    Optional<String> ended() {
        String at = " at " + HogRun.human(hog.follower.peakTouchedBytes()) + " of " + HogRun.human(hog.target.bytes());
        Optional<String> fate = hog.fate.verdict().map(v -> "the hog was " + v.fate() + at + ": " + v.reason());
        if (fate.isPresent() || !hog.follower.stopped()) {
            return fate;
        }
        stoppedSince = stoppedSince != null ? stoppedSince : clock.instant();
        if (Duration.between(stoppedSince, clock.instant()).compareTo(FATE_GRACE) < 0) {
            return Optional.empty();
        }
        return Optional.of("the hog stopped" + at + " (" + state() + "); its fate is in the report's hog outcome");
    }

    /** The last observed state, for a timeout's message. */
    String state() {
        return "hog " + hog.follower.progress();
    }
}
