package dev.squeeze.junit5.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The guesses behind "Fix: write ..." and the label selector grammar. */
class FixesAndSelectorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3000MB | 3000M, 2861Mi",
            "2GiB   | 2Gi",
            "512 mi | 512Mi",
            "1.5GB  | 1.5G, 1430Mi",
            "100kb  | 100k"})
    void quantityGuesses(String raw, String expected) {
        assertThat(String.join(", ", Fixes.quantity(raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30        | 30s",
            "2min      | 2m",
            "1.5m      | 90s",
            "-5s       | 5s",
            "2 minutes | 2m",
            "500 millis| 500ms"})
    void durationGuesses(String raw, String expected) {
        assertThat(Fixes.duration(raw)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app=web", "app==web", "app!=batch", "app", "!canary", "tier in (web, api)",
            "tier notin (batch)", "app=web,tier in (a,b)", "example.com/team=squeeze", "app=", "replicas>2"})
    void validSelectors(String selector) {
        assertThat(LabelSelectors.problem(selector)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "app:web", "app=web,", "tier in (web", "tier in ()", "-app=web", "app=we b",
            "Example.com/x=y", "app=" + "a123456789a123456789a123456789a123456789a123456789a123456789abcd"})
    void invalidSelectors(String selector) {
        assertThat(LabelSelectors.problem(selector)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rancher/k3s:v1.34.4-k3s1", "eclipse-temurin:25-jre", "localhost:5000/app:1",
            "ghcr.io/org/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "busybox"})
    void validImages(String image) {
        assertThat(Names.isImage(image)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "My App:1.0", "app:", "UPPER/case", "app::1"})
    void invalidImages(String image) {
        assertThat(Names.isImage(image)).isFalse();
    }
}
