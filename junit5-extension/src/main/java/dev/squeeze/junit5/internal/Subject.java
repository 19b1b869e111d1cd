package dev.squeeze.junit5.internal;

/**
 * Names an attribute the way the user wrote it, so a message points at the exact line to fix: {@code
 * @MemoryHog(size) on EvictionTest.evicts()} for annotations, {@code HogSpec size} for code.
 *
 * @param owner      {@code @MemoryHog} or {@code HogSpec}
 * @param location   where it was declared, such as {@code " on EvictionTest.evicts()"}, or {@code ""}
 * @param annotation whether the user wrote an annotation (fixes are shown as {@code attr = "value"})
 */
record Subject(String owner, String location, boolean annotation) {

    static Subject annotation(Class<?> type, String location) {
        return new Subject("@" + type.getSimpleName(), location, true);
    }

    static Subject code(String owner, String location) {
        return new Subject(owner, location, false);
    }

    /** {@code @ChaosNode(memory)} or {@code NodeSpec memory}, with the location appended. */
    String attr(String attribute) {
        return (annotation ? owner + "(" + attribute + ")" : owner + " " + attribute) + location;
    }

    /** Several attributes at once: {@code @ChaosNode(memory, wall)}. */
    String attrs(Iterable<String> attributes) {
        return attr(String.join(", ", attributes));
    }

    /** How to write the fix: {@code write size = "3000M" or size = "2861Mi"}; {@code use size 3000M} for code. */
    String assign(String attribute, java.util.List<String> values) {
        java.util.StringJoiner alternatives = new java.util.StringJoiner(" or ", annotation ? "write " : "use ", "");
        values.forEach(v -> alternatives.add(annotation ? attribute + " = \"" + v + "\"" : attribute + " " + v));
        return alternatives.toString();
    }

    String assign(String attribute, String value) {
        return assign(attribute, java.util.List.of(value));
    }
}
