package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Instant;

/**
 * One tick of the API server probe: {@code fresh} is {@code GET /readyz} over a new TLS connection (so a
 * starving API server shows its handshake timeouts), {@code pooled} a small GET over the client's pooled
 * connection, as a controller would do.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ApiSample(Instant at, Phase phase, ProbeOutcome fresh, ProbeOutcome pooled) {
}
