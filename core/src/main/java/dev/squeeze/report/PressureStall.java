package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tick's memory pressure stall information (PSI) and the memory cgroup's event counters, as the kernel exposes
 * them. PSI comes from the wall's cgroup v2 {@code memory.pressure}, or on cgroup v1 from the host-wide
 * {@code /proc/pressure/memory} (every process on the host, not only the node: {@link #hostWide()}). A value that
 * could not be read is {@code null}, never 0; a reading with no value at all is {@link #unavailable(String)}.
 *
 * <!-- sample(String oomControl, String failcnt) -->
 * <pre>{@code
 * PressureStall p = PressureStall.parsePressure("host-wide /proc/pressure/memory",
 *         "some avg10=1.50 avg60=0.30 avg300=0.10 total=510165968\nfull avg10=0.80 ...");
 * p.someAvg10();                 // 1.5 (percent of the last 10 s some task stalled on memory)
 * p.withEvents("cgroup v1 memory:/squeeze-x", PressureStall.parseV1Events(oomControl, failcnt));
 * }</pre>
 *
 * @param source       where {@code some}/{@code full} come from, such as {@code cgroup v2 memory.pressure of the
 *                     node's cgroup} or {@code host-wide /proc/pressure/memory (cgroup v1 has no per-cgroup PSI)}, or
 *                     {@code unavailable: <reason>}
 * @param someAvg10    percent of the last 10 s in which at least one task stalled on memory, {@code null} if unread
 * @param fullAvg10    percent of the last 10 s in which all non-idle tasks stalled at once, {@code null} if unread
 * @param someTotalMicros cumulative {@code some} stall time in microseconds, {@code null} if unread
 * @param fullTotalMicros cumulative {@code full} stall time in microseconds, {@code null} if unread
 * @param eventsSource where {@code events} come from, or {@code unavailable: <reason>}; {@code null} when not read
 * @param events       the memory cgroup's counters by name: v2 {@code memory.events} ({@code low}, {@code high},
 *                     {@code max}, {@code oom}, {@code oom_kill}); v1 {@code memory.oom_control} ({@code under_oom},
 *                     {@code oom_kill}, {@code oom_kill_disable}) and {@code failcnt} ({@code memory.failcnt})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PressureStall(String source, Double someAvg10, Double fullAvg10, Long someTotalMicros,
                            Long fullTotalMicros, String eventsSource, Map<String, Long> events) {

    /** Prefix of {@link #source()} when there are no PSI numbers. */
    public static final String UNAVAILABLE = "unavailable: ";
    /** Prefix of {@link #source()} for the host's {@code /proc/pressure/memory}. */
    public static final String HOST_WIDE = "host-wide ";

    public PressureStall {
        events = events == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    /** No PSI, for {@code reason} (such as {@code remote node, no host files}). */
    public static PressureStall unavailable(String reason) {
        return new PressureStall(UNAVAILABLE + reason, null, null, null, null, null, Map.of());
    }

    /** Whether {@code some}/{@code full} were read. */
    public boolean available() {
        return someAvg10 != null || fullAvg10 != null;
    }

    /** Whether the PSI numbers cover the whole host (cgroup v1), not only the node. */
    public boolean hostWide() {
        return source != null && source.startsWith(HOST_WIDE);
    }

    /** Why there are no PSI numbers, or {@code null} when there are. */
    public String unavailableReason() {
        if (available()) {
            return null;
        }
        return source != null && source.startsWith(UNAVAILABLE) ? source.substring(UNAVAILABLE.length()) : source;
    }

    /** The same reading with the cgroup's event counters. */
    public PressureStall withEvents(String eventsSource, Map<String, Long> events) {
        return new PressureStall(source, someAvg10, fullAvg10, someTotalMicros, fullTotalMicros, eventsSource, events);
    }

    /**
     * Parses a PSI file ({@code memory.pressure} or {@code /proc/pressure/memory}): lines
     * {@code some avg10=0.00 avg60=0.00 avg300=0.98 total=510165968} and {@code full ...}. A missing line or field
     * stays {@code null}; text with neither line is unavailable with the text's first line as the reason.
     */
    public static PressureStall parsePressure(String source, String text) {
        Double someAvg10 = null;
        Double fullAvg10 = null;
        Long someTotal = null;
        Long fullTotal = null;
        for (String line : text == null ? List.<String>of() : text.strip().lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 0 || !(words[0].equals("some") || words[0].equals("full"))) {
                continue;
            }
            Map<String, String> fields = keyValues(words, '=');
            Double avg10 = fields.containsKey("avg10") ? Double.valueOf(fields.get("avg10")) : null;
            Long total = fields.containsKey("total") ? Long.valueOf(fields.get("total")) : null;
            if (words[0].equals("some")) {
                someAvg10 = avg10;
                someTotal = total;
            } else {
                fullAvg10 = avg10;
                fullTotal = total;
            }
        }
        if (someAvg10 == null && fullAvg10 == null) {
            String first = text == null || text.isBlank() ? "empty" : text.strip().lines().findFirst().orElse("");
            return unavailable(source + " has no `some avg10=` line: " + first);
        }
        return new PressureStall(source, someAvg10, fullAvg10, someTotal, fullTotal, null, Map.of());
    }

    /**
     * Parses {@code key value} lines: cgroup v2 {@code memory.events} ({@code low 0}, {@code high 12}, {@code max 3},
     * {@code oom 1}, {@code oom_kill 1}) or cgroup v1 {@code memory.oom_control} ({@code oom_kill_disable 0},
     * {@code under_oom 0}, {@code oom_kill 2}). Lines that are not a name and a whole number are skipped.
     */
    public static Map<String, Long> parseCounters(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text == null ? List.<String>of() : text.strip().lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 2 && words[1].matches("\\d+")) {
                out.put(words[0], Long.valueOf(words[1]));
            }
        }
        return out;
    }

    /** cgroup v1 {@code memory.oom_control} plus {@code memory.failcnt} (one number) as {@code failcnt}. */
    public static Map<String, Long> parseV1Events(String oomControl, String failcnt) {
        Map<String, Long> out = parseCounters(oomControl);
        String f = failcnt == null ? "" : failcnt.strip();
        if (f.matches("\\d+")) {
            out.put("failcnt", Long.valueOf(f));
        }
        return out;
    }

    private static Map<String, String> keyValues(String[] words, char separator) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf(separator);
            if (eq > 0) {
                out.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return out;
    }
}
