package dev.squeeze.eater;

import dev.squeeze.eater.internal.IsoTime;
import dev.squeeze.eater.internal.JsonWriter;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * One line of the eater's stdout: a flat JSON object, written and flushed whole. This is the schema
 * {@code squeeze-core} parses; fields are only ever added.
 *
 * <p>Every line starts with the same six fields:
 * <pre>
 * "t"            string  ISO-8601 UTC, microseconds: "2025-11-27T20:42:40.123456Z"
 * "elapsedMs"    number  milliseconds since main() began (monotonic clock)
 * "phase"        string  start | ramp | hold | released | failed
 * "targetBytes"  number  the resolved --size, rounded up to whole pages
 * "touchedBytes" number  bytes filled and still mapped (0 at start and once released)
 * "rssBytes"     number  VmRSS of /proc/self/status: the JVM's own ~30-50 MiB included; null if unreadable
 * </pre>
 * then, by phase:
 * <pre>
 * start    "pid", "strategy", "rate" ("max" | "50Mi/s"), "rateBytesPerSecond" (null for max), "chunkBytes",
 *          "size" (canonical --size: "512Mi", "50%cgroup"), "sizeBasis" (bytes | cgroup | memtotal | memavailable),
 *          "basisBytes" (null for bytes), "hold" ("forever" | ISO-8601 "PT30S"), "holdMillis" (null for forever),
 *          "mlock", "pageBytes", "guard" (why the workstation guard let it run: i-know | kubernetes | cgroup-limit | fits)
 * ramp     nothing more; the first ramp line is printed once the first chunk is resident
 * hold     the first hold line adds "fillMillis" (number, 3 decimals: first chunk begun to last chunk resident)
 *          and "strategy" (the one that did the work: "touch" if populate fell back on an old kernel)
 * released "reason" (hold-elapsed | signal), "releasedBytes" (what was filled when it was unmapped)
 * failed   "call" (mmap | madvise | mlock | munmap), "errno" (number), "errnoName" ("ENOMEM"), "error" (the stderr message)
 * </pre>
 * Lines come at every phase change and at least once a second in between. For example:
 * <pre>{@code
 * {"t":"2025-11-27T20:42:40.101234Z","elapsedMs":61,"phase":"start","targetBytes":268435456,"touchedBytes":0,"rssBytes":40108032,"pid":4242,"strategy":"populate","rate":"max","rateBytesPerSecond":null,"chunkBytes":1048576,"size":"256Mi","sizeBasis":"bytes","basisBytes":null,"hold":"forever","holdMillis":null,"mlock":false,"pageBytes":4096,"guard":"fits"}
 * {"t":"2025-11-27T20:42:40.243011Z","elapsedMs":203,"phase":"ramp","targetBytes":268435456,"touchedBytes":1048576,"rssBytes":47185920}
 * {"t":"2025-11-27T20:42:40.301502Z","elapsedMs":261,"phase":"hold","targetBytes":268435456,"touchedBytes":268435456,"rssBytes":314572800,"fillMillis":58.491,"strategy":"populate"}
 * {"t":"2025-11-27T20:42:41.301777Z","elapsedMs":1261,"phase":"hold","targetBytes":268435456,"touchedBytes":268435456,"rssBytes":314572800}
 * {"t":"2025-11-27T20:42:44.080321Z","elapsedMs":4040,"phase":"released","targetBytes":268435456,"touchedBytes":0,"rssBytes":46137344,"reason":"signal","releasedBytes":268435456}
 * }</pre>
 */
public sealed interface ProgressLine
        permits ProgressLine.Start, ProgressLine.Sample, ProgressLine.Filled, ProgressLine.Released, ProgressLine.Failed {

    /** @return the fields every line has */
    Snapshot snapshot();

    /** @return the phase this line reports */
    Phase phase();

    /** @return the line as JSON, without the newline */
    default String toJson() {
        Snapshot s = snapshot();
        JsonWriter json = new JsonWriter()
                .string("t", IsoTime.format(s.t()))
                .number("elapsedMs", s.elapsedMs())
                .string("phase", phase().text())
                .number("targetBytes", s.targetBytes())
                .number("touchedBytes", s.touchedBytes())
                .number("rssBytes", s.rssBytes());
        return extra(json).end();
    }

    /**
     * @param json the writer, after the common fields
     * @return it, after this phase's own fields
     */
    JsonWriter extra(JsonWriter json);

    /**
     * The fields every line has.
     *
     * @param t            wall-clock time
     * @param elapsedMs    milliseconds since main() began
     * @param targetBytes  the resolved size
     * @param touchedBytes bytes filled and still mapped
     * @param rssBytes     VmRSS, empty if unreadable
     */
    record Snapshot(Instant t, long elapsedMs, long targetBytes, long touchedBytes, OptionalLong rssBytes) {
    }

    /**
     * The first line: what this run is about to do, and why it is allowed to.
     *
     * @param snapshot   the common fields
     * @param pid        this process
     * @param options    the command line
     * @param sizeBasis  {@code bytes} or the basis of a percentage
     * @param basisBytes the value of that basis, empty for bytes
     * @param pageBytes  the page size
     * @param guard      why the workstation guard allowed it
     */
    record Start(Snapshot snapshot, long pid, EaterOptions options, String sizeBasis, OptionalLong basisBytes,
                 long pageBytes, String guard) implements ProgressLine {
        @Override
        public Phase phase() {
            return Phase.START;
        }

        @Override
        public JsonWriter extra(JsonWriter json) {
            return json.number("pid", pid)
                    .string("strategy", options.strategy().text())
                    .string("rate", options.rate().text())
                    .number("rateBytesPerSecond", options.rate() instanceof Rate.Paced p
                            ? OptionalLong.of(p.bytesPerSecond()) : OptionalLong.empty())
                    .number("chunkBytes", options.chunkBytes())
                    .string("size", options.size().text())
                    .string("sizeBasis", sizeBasis)
                    .number("basisBytes", basisBytes)
                    .string("hold", options.hold().text())
                    .number("holdMillis", options.hold() instanceof Hold.For f
                            ? OptionalLong.of(f.duration().toMillis()) : OptionalLong.empty())
                    .bool("mlock", options.mlock())
                    .number("pageBytes", pageBytes)
                    .string("guard", guard);
        }
    }

    /**
     * A periodic line while filling or holding.
     *
     * @param snapshot the common fields
     * @param phase    {@link Phase#RAMP} or {@link Phase#HOLD}
     */
    record Sample(Snapshot snapshot, Phase phase) implements ProgressLine {
        @Override
        public JsonWriter extra(JsonWriter json) {
            return json;
        }
    }

    /**
     * The first {@code hold} line: the fill is done.
     *
     * @param snapshot  the common fields
     * @param fillNanos first chunk begun to last chunk resident
     * @param strategy  the strategy that did the work
     */
    record Filled(Snapshot snapshot, long fillNanos, Strategy strategy) implements ProgressLine {
        @Override
        public Phase phase() {
            return Phase.HOLD;
        }

        @Override
        public JsonWriter extra(JsonWriter json) {
            return json.millis("fillMillis", fillNanos).string("strategy", strategy.text());
        }
    }

    /**
     * The last line of a run that exits 0.
     *
     * @param snapshot      the common fields, {@code touchedBytes} 0
     * @param reason        {@code hold-elapsed} or {@code signal}
     * @param releasedBytes what was filled when it was unmapped
     */
    record Released(Snapshot snapshot, String reason, long releasedBytes) implements ProgressLine {
        @Override
        public Phase phase() {
            return Phase.RELEASED;
        }

        @Override
        public JsonWriter extra(JsonWriter json) {
            return json.string("reason", reason).number("releasedBytes", releasedBytes);
        }
    }

    /**
     * The last line of a run that exits 72.
     *
     * @param snapshot  the common fields, {@code touchedBytes} what was filled before the failure
     * @param call      the libc function that failed
     * @param errno     its errno
     * @param errnoName the errno's name
     * @param error     the message also printed to stderr
     */
    record Failed(Snapshot snapshot, String call, int errno, String errnoName, String error) implements ProgressLine {
        @Override
        public Phase phase() {
            return Phase.FAILED;
        }

        @Override
        public JsonWriter extra(JsonWriter json) {
            return json.string("call", call).number("errno", errno).string("errnoName", errnoName).string("error", error);
        }
    }
}
