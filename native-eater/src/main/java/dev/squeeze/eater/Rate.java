package dev.squeeze.eater;

import dev.squeeze.eater.internal.Quantities;

/**
 * The {@code --rate} argument: as fast as the kernel allows, or paced at a number of bytes per second.
 *
 * <pre>{@code
 * Rate.parse("max");       // Max[]
 * Rate.parse("50Mi/s");    // Paced[bytesPerSecond=52428800]
 * }</pre>
 */
public sealed interface Rate permits Rate.Max, Rate.Paced {
    /** @return the canonical command-line form, {@code max} or such as {@code 50Mi/s} */
    String text();

    /**
     * @param value the {@code --rate} argument
     * @return the rate it asks for
     * @throws UsageException naming {@code --rate}, the value and an example
     */
    static Rate parse(String value) {
        if (value.equals("max")) {
            return new Max();
        }
        String quantity = value;
        for (String perSecond : new String[] {"/s", "/sec", "/second"}) {
            if (value.endsWith(perSecond)) {
                quantity = value.substring(0, value.length() - perSecond.length());
                break;
            }
        }
        long bytesPerSecond;
        try {
            bytesPerSecond = Quantities.parse(quantity);
        } catch (NumberFormatException e) {
            bytesPerSecond = 0;
        }
        if (bytesPerSecond <= 0 || !value.endsWith("/s")) {
            String example = bytesPerSecond > 0 ? quantity : Quantities.suggest(quantity).orElse("50Mi");
            throw UsageException.invalid("--rate", value,
                    "a quantity per second above 0 such as 50Mi/s or 1Gi/s, or max", "--rate " + example + "/s");
        }
        return new Paced(bytesPerSecond);
    }

    /** Fill as fast as the strategy goes. */
    record Max() implements Rate {
        @Override
        public String text() {
            return "max";
        }
    }

    /**
     * Fill on an absolute schedule: the chunk starting at byte {@code b} is due {@code b / bytesPerSecond}
     * seconds after the fill began, so rounding and late wake-ups never accumulate into drift.
     *
     * @param bytesPerSecond more than 0
     */
    record Paced(long bytesPerSecond) implements Rate {
        @Override
        public String text() {
            return Quantities.format(bytesPerSecond) + "/s";
        }
    }
}
