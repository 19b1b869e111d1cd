package dev.squeeze.eater;

import dev.squeeze.eater.internal.Quantities;
import java.util.HashMap;
import java.util.Map;

/** The command-line grammar behind {@link EaterOptions#parse}. */
final class CommandLine {
    static final String USAGE = """
            Usage: java -jar squeeze-native-eater.jar --size SIZE [options]

            Maps anonymous memory, fills it, holds it, then releases it; one JSON line per second on stdout.

              --size SIZE        required. A Kubernetes quantity (512Mi, 2Gi, 1500M, 1073741824) or a
                                 percentage of a named basis: 50%cgroup (the container's memory limit),
                                 80%memtotal, 25%memavailable (/proc/meminfo)
              --rate RATE        max (default) or a quantity per second: 50Mi/s
              --hold DURATION    forever (default), 30s, 2m, 1h30m, 1500ms, 0 or ISO-8601 PT30S
              --chunk SIZE       bytes filled per step, a multiple of 64Ki from 64Ki to 16Mi (default 1Mi;
                                 at most 1Mi with a paced --rate)
              --strategy NAME    populate (default, madvise MADV_POPULATE_WRITE; touch on kernels < 5.14)
                                 or touch (write one long per page, like mem_eater.c)
              --mlock            lock each chunk in RAM once filled (needs RLIMIT_MEMLOCK or CAP_IPC_LOCK)
              --i-know           fill more than 75% of MemAvailable outside a memory-limited cgroup
              --help             this text

            Exit status: 0 released (hold elapsed, or SIGTERM/SIGINT/SIGHUP), 64 usage error or guard
            refusal, 70 internal error, 72 mmap/madvise/mlock failed.
            """;

    private static final String[] VALUE_FLAGS = {"--size", "--rate", "--hold", "--chunk", "--strategy"};
    private static final String[] SWITCHES = {"--mlock", "--i-know"};

    private CommandLine() {
    }

    static EaterOptions parse(String... args) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String flag = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (contains(SWITCHES, flag) && eq < 0) {
                value = "true";
            } else if (contains(VALUE_FLAGS, flag)) {
                if (eq > 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new UsageException(flag, "", "`" + flag + "` needs a value. For example: " + example(flag));
                }
            } else {
                throw unknown(arg);
            }
            String earlier = seen.put(flag, value);
            if (earlier != null) {
                String as = contains(SWITCHES, flag) ? "" : ", as '" + earlier + "' and as '" + value + "'";
                throw new UsageException(flag, value, "`" + flag + "` was given twice" + as
                        + ". Give it once, for example: " + example(flag));
            }
        }
        String size = seen.get("--size");
        if (size == null) {
            throw new UsageException("--size", "", "`--size` is required. For example: --size 512Mi");
        }
        return new EaterOptions(
                SizeSpec.parse(size),
                seen.containsKey("--rate") ? Rate.parse(seen.get("--rate")) : new Rate.Max(),
                seen.containsKey("--hold") ? Hold.parse(seen.get("--hold")) : new Hold.Forever(),
                seen.containsKey("--chunk") ? chunk(seen.get("--chunk")) : EaterOptions.DEFAULT_CHUNK,
                seen.containsKey("--strategy") ? Strategy.parse(seen.get("--strategy")) : Strategy.POPULATE,
                seen.containsKey("--mlock"),
                seen.containsKey("--i-know"));
    }

    private static long chunk(String value) {
        try {
            long bytes = Quantities.parse(value);
            if (EaterOptions.isValidChunk(bytes)) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value as typed
        }
        throw UsageException.invalid("--chunk", value, EaterOptions.CHUNK_EXPECTED, "--chunk 1Mi");
    }

    private static UsageException unknown(String arg) {
        if (!arg.startsWith("-")) {
            // mem_eater.c took the size as its only argument; say how to give it here
            return new UsageException("--size", arg, "Unexpected argument '" + arg
                    + "': every setting is a flag. For example: --size " + Quantities.suggest(arg + "Mi").orElse("512Mi"));
        }
        String flag = arg.indexOf('=') > 0 ? arg.substring(0, arg.indexOf('=')) : arg;
        String message = contains(SWITCHES, flag)
                ? "`" + flag + "` takes no value, but was given '" + arg.substring(flag.length() + 1) + "'. For example: " + flag
                : "Unknown flag `" + flag + "`. Known flags: --size, --rate, --hold, --chunk, --strategy, --mlock, "
                        + "--i-know, --help. For example: --size 512Mi --rate 50Mi/s";
        return new UsageException(flag, arg, message);
    }

    private static String example(String flag) {
        return switch (flag) {
            case "--size" -> "--size 512Mi";
            case "--rate" -> "--rate 50Mi/s";
            case "--hold" -> "--hold 2m";
            case "--chunk" -> "--chunk 1Mi";
            case "--strategy" -> "--strategy populate";
            default -> flag;  // a switch is its own example
        };
    }

    private static boolean contains(String[] names, String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
