package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Duration;

/**
 * What one probe attempt saw: a success with its latency, or a failure with the error as text.
 *
 * <!-- sample(org.slf4j.Logger log) -->
 * <pre>{@code
 * ProbeOutcome o = ProbeOutcome.success(Duration.ofMillis(12), 200);
 * if (o instanceof ProbeOutcome.Failure f) log.warn(f.error());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ProbeOutcome {

    Duration latency();

    boolean ok();

    static ProbeOutcome success(Duration latency, int status) {
        return new Success(latency, status);
    }

    static ProbeOutcome failure(Duration latency, String error) {
        return new Failure(latency, error);
    }

    /**
     * Nobody knows what happened on this scheduled tick: it was missed or skipped (the sampler fell behind) or the
     * probe was still in flight when sampling closed. It counts against availability like a failure, and is shown
     * as missing coverage.
     */
    static ProbeOutcome unobserved(String reason) {
        return new Unobserved(Duration.ZERO, reason);
    }

    /** No observation on a scheduled tick; {@code reason} says why (missed, skipped, in flight at close). */
    record Unobserved(Duration latency, String reason) implements ProbeOutcome {
        @Override
        public boolean ok() {
            return false;
        }
    }

    /** The probe answered as healthy; {@code status} is the HTTP status (200 for {@code /readyz}). */
    record Success(Duration latency, int status) implements ProbeOutcome {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** The probe failed: timeout, TLS handshake timeout, connection refused, non-2xx (as text). */
    record Failure(Duration latency, String error) implements ProbeOutcome {
        @Override
        public boolean ok() {
            return false;
        }
    }
}
