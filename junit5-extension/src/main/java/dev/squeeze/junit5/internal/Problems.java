package dev.squeeze.junit5.internal;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every configuration mistake before anything starts, so a user fixes them all in one round instead of
 * booting a node per typo.
 */
final class Problems {

    private final List<String> messages = new ArrayList<>();

    /** Records {@code "<subject> <expected>, but was '<value>'. Fix: <fix>"}. */
    void add(String subject, String expected, Object value, String fix) {
        messages.add(subject + " " + expected + ", but was '" + value + "'. Fix: " + fix);
    }

    /** Records a message that does not fit the subject/value/fix shape (it must still name the fix). */
    void add(String message) {
        messages.add(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** Fails with every problem found in {@code where}, one per line; a single problem is the whole message. */
    void throwIfAny(String where) {
        if (messages.isEmpty()) {
            return;
        }
        if (messages.size() == 1) {
            throw new ExtensionConfigurationException(messages.get(0));
        }
        StringBuilder text = new StringBuilder("Squeeze found ").append(messages.size())
                .append(" configuration problems in ").append(where).append(':');
        for (int i = 0; i < messages.size(); i++) {
            text.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(messages.get(i));
        }
        throw new ExtensionConfigurationException(text.toString());
    }
}
