package dev.squeeze.junit5.internal;

import java.lang.reflect.Method;

/** Report names that are file-safe and tell which test produced them: {@code EvictionTest-apiSurvives}. */
final class ExperimentNames {

    private ExperimentNames() {
    }

    static String of(Class<?> testClass, Method method) {
        return safe(testClass.getSimpleName() + "-" + method.getName());
    }

    /** Replaces anything but letters, digits, '.', '_' and '-', so the name is a portable file stem. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
