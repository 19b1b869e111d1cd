package dev.squeeze.eater;

import dev.squeeze.eater.internal.Quantities;

/**
 * The {@code --size} argument: an absolute quantity, or a percentage of a named {@link SizeBasis}.
 *
 * <pre>{@code
 * SizeSpec.parse("512Mi");          // Bytes[bytes=536870912]
 * SizeSpec.parse("1500M");          // Bytes[bytes=1500000000]
 * SizeSpec.parse("12.5%memtotal");  // Percent[percent=12.5, basis=MEMTOTAL]
 * }</pre>
 */
public sealed interface SizeSpec permits SizeSpec.Bytes, SizeSpec.Percent {
    /** What a valid {@code --size} looks like, phrased to follow "must be". */
    String EXPECTED = "a Kubernetes quantity such as 512Mi, 2Gi or 1500M, "
            + "or a percentage with a basis such as 50%cgroup, 80%memtotal or 25%memavailable";

    /** @return the canonical command-line form, such as {@code 512Mi} or {@code 50%cgroup} */
    String text();

    /**
     * @param value the {@code --size} argument
     * @return the size it asks for
     * @throws UsageException naming {@code --size}, the value and an example
     */
    static SizeSpec parse(String value) {
        int percent = value.indexOf('%');
        if (percent >= 0) {
            return Percent.parse(value, percent);
        }
        long bytes;
        try {
            bytes = Quantities.parse(value);
        } catch (NumberFormatException e) {
            String example = Quantities.suggest(value).orElse("512Mi");
            throw UsageException.invalid("--size", value, EXPECTED, "--size " + example);
        }
        if (bytes <= 0) {
            throw UsageException.invalid("--size", value, "more than 0 bytes", "--size 512Mi");
        }
        return new Bytes(bytes);
    }

    /**
     * An absolute size.
     *
     * @param bytes how many bytes to fill, more than 0; rounded up to whole pages when mapped
     */
    record Bytes(long bytes) implements SizeSpec {
        @Override
        public String text() {
            return Quantities.format(bytes);
        }
    }

    /**
     * A share of a basis resolved at start.
     *
     * @param percent more than 0, at most 100; larger sizes are asked for as absolute quantities
     * @param basis   what it is a share of
     */
    record Percent(double percent, SizeBasis basis) implements SizeSpec {
        @Override
        public String text() {
            String number = percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
            return number + "%" + basis.text();
        }

        /**
         * @param basisBytes the value of the basis, in bytes
         * @return this share of it, rounded down to a byte
         */
        public long of(long basisBytes) {
            return (long) Math.floor(basisBytes * (percent / 100.0));
        }

        private static Percent parse(String value, int sign) {
            String number = value.substring(0, sign);
            String basisText = value.substring(sign + 1);
            SizeBasis basis = SizeBasis.byText(basisText);
            if (basis == null) {
                String fixed = number.isEmpty() ? "50" : number;
                String what = basisText.isEmpty() ? "a percentage with its basis named" : "a percentage of a known basis";
                throw UsageException.invalid("--size", value,
                        what + " (cgroup, memtotal or memavailable)", "--size " + fixed + "%cgroup");
            }
            double percent;
            try {
                percent = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                percent = Double.NaN;
            }
            // Double.parseDouble also takes "1e1", "0x1p3" and "NaN": accept plain decimals only
            if (!(percent > 0 && percent <= 100) || !isPlainDecimal(number)) {
                throw UsageException.invalid("--size", value,
                        "a percentage above 0 and at most 100 (ask for more as a quantity such as 3Gi)",
                        "--size 50%" + basis.text());
            }
            return new Percent(percent, basis);
        }

        private static boolean isPlainDecimal(String number) {
            int dot = number.indexOf('.');
            for (int i = 0; i < number.length(); i++) {
                char c = number.charAt(i);
                if ((c < '0' || c > '9') && i != dot) {
                    return false;
                }
            }
            return dot != 0 && dot != number.length() - 1;
        }
    }
}
