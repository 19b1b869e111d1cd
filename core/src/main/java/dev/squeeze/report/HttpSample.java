package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Instant;

/** One tick of the optional HTTP probe of the workload's Service (the seed story's "502 Bad Gateway" as data). */
@API(status = EXPERIMENTAL, since = "0.1")
public record HttpSample(Instant at, Phase phase, ProbeOutcome outcome) {
}
