package dev.squeeze.eater;

import dev.squeeze.eater.internal.Quantities;
import java.util.Objects;

/**
 * Everything the command line asks of one run; validated on construction, so an instance is always runnable.
 *
 * <pre>{@code
 * EaterOptions o = EaterOptions.parse("--size", "2Gi", "--rate", "100Mi/s", "--hold", "5m");
 * o.rate();          // Paced[bytesPerSecond=104857600]
 * o.chunkBytes();    // 1048576, the default
 * o.strategy();      // POPULATE, the default
 * }</pre>
 *
 * @param size       what to fill ({@code --size}, required)
 * @param rate       how fast ({@code --rate}, default {@code max})
 * @param hold       how long to keep it ({@code --hold}, default {@code forever})
 * @param chunkBytes bytes filled per step, a multiple of 64Ki from 64Ki to 16Mi, at most 1Mi when paced
 *                   ({@code --chunk}, default 1Mi)
 * @param strategy   how pages are made resident ({@code --strategy}, default {@code populate})
 * @param mlock      lock each chunk in RAM once filled ({@code --mlock})
 * @param iKnow      skip the workstation guard ({@code --i-know})
 */
public record EaterOptions(SizeSpec size, Rate rate, Hold hold, long chunkBytes, Strategy strategy,
                           boolean mlock, boolean iKnow) {
    /** {@code --chunk} default: small enough to pace smoothly, large enough that syscalls cost nothing. */
    public static final long DEFAULT_CHUNK = 1L << 20;
    /** Smallest {@code --chunk}, and the unit chunks come in: a whole number of pages on 4K, 16K and 64K kernels. */
    public static final long MIN_CHUNK = 64L << 10;
    /** Largest {@code --chunk}: bounds the time between two checks for SIGTERM to milliseconds. */
    public static final long MAX_CHUNK = 16L << 20;
    /**
     * Largest {@code --chunk} with a paced {@code --rate}: measured, 1 MiB chunks held 200 MiB/s within 0.1%
     * while 16 MiB chunks made a staircase ~15% off the ideal ramp.
     */
    public static final long MAX_PACED_CHUNK = 1L << 20;

    /** Validates the combination; see the component descriptions. */
    public EaterOptions {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(strategy, "strategy");
        if (!isValidChunk(chunkBytes)) {
            throw UsageException.invalid("--chunk", Quantities.format(chunkBytes), CHUNK_EXPECTED, "--chunk 1Mi");
        }
        if (rate instanceof Rate.Paced && chunkBytes > MAX_PACED_CHUNK) {
            throw UsageException.invalid("--chunk", Quantities.format(chunkBytes),
                    "at most 1Mi when `--rate` paces the fill (bigger chunks turn the ramp into a staircase)",
                    "--chunk 1Mi --rate " + rate.text());
        }
    }

    static final String CHUNK_EXPECTED = "a multiple of 64Ki from 64Ki to 16Mi";

    static boolean isValidChunk(long bytes) {
        return bytes >= MIN_CHUNK && bytes <= MAX_CHUNK && bytes % MIN_CHUNK == 0;
    }

    /**
     * @param size the only required setting
     * @return options with every default: {@code --rate max --hold forever --chunk 1Mi --strategy populate}
     */
    public static EaterOptions defaults(SizeSpec size) {
        return new EaterOptions(size, new Rate.Max(), new Hold.Forever(), DEFAULT_CHUNK, Strategy.POPULATE,
                false, false);
    }

    /**
     * @param args the command line, {@code --flag value} or {@code --flag=value}
     * @return the options it asks for
     * @throws UsageException naming the flag, the value and an example
     */
    public static EaterOptions parse(String... args) {
        return CommandLine.parse(args);
    }

    /**
     * @param args the command line
     * @return whether it asks for {@link #usage()} ({@code --help} or {@code -h} anywhere)
     */
    public static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** @return the text {@code --help} prints */
    public static String usage() {
        return CommandLine.USAGE;
    }
}
