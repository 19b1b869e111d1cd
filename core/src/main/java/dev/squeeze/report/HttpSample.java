package dev.squeeze.report;

import java.time.Instant;

/** One tick of the optional HTTP probe of the workload's Service (the seed story's "502 Bad Gateway" as data). */
public record HttpSample(Instant at, Phase phase, ProbeOutcome outcome) {
}
