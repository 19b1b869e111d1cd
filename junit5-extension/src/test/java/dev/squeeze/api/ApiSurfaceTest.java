package dev.squeeze.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The public surface of squeeze-core and squeeze-junit5: every public type says its API status, internal types live
 * in {@code internal} packages and nowhere else, the public API exposes no internal type, and no {@code STABLE}
 * member of the committed baseline ({@code src/test/resources/api-baseline.txt}) disappears or changes.
 *
 * <p>When a change to the API is intended: additions need nothing; for a removed or changed member, copy
 * {@code target/api-current.txt} over the baseline in the same commit (and say so in CHANGELOG.md). Once 0.1.0 is
 * released, japicmp against it takes over from the baseline.
 */
class ApiSurfaceTest {

    static final Path BASELINE = Path.of("src/test/resources/api-baseline.txt");
    static final Path CURRENT = Path.of("target/api-current.txt");

    static List<Class<?>> mainTypes() {
        return ReflectionSupport.findAllClassesInPackage("dev.squeeze", c -> !c.isMemberClass() && !c.isAnonymousClass()
                && !c.isLocalClass() && !c.isSynthetic(), n -> true).stream()
                .filter(c -> !c.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes"))
                .filter(c -> !c.getPackageName().startsWith("dev.squeeze.eater"))
                .collect(Collectors.toList());
    }

    static List<Class<?>> publicTypes() {
        return mainTypes().stream().filter(c -> Modifier.isPublic(c.getModifiers())).collect(Collectors.toList());
    }

    static boolean internalPackage(Class<?> c) {
        return ("." + c.getPackageName() + ".").contains(".internal.");
    }

    @Test
    void every_public_type_says_its_api_status_since_0_1() {
        List<Class<?>> types = publicTypes();
        assertThat(types).as("public types found on the classpath").hasSizeGreaterThan(40);
        assertThat(types).as("public types without @API(status, since)")
                .filteredOn(c -> c.getAnnotation(API.class) == null)
                .isEmpty();
        assertThat(types).as("public types whose @API has no since")
                .filteredOn(c -> c.getAnnotation(API.class) != null && c.getAnnotation(API.class).since().isEmpty())
                .isEmpty();
    }

    @Test
    void internal_types_live_in_internal_packages_and_nowhere_else() {
        assertThat(publicTypes()).as("INTERNAL types outside an internal package, or API types inside one")
                .filteredOn(c -> c.getAnnotation(API.class) != null)
                .filteredOn(c -> (c.getAnnotation(API.class).status() == Status.INTERNAL) != internalPackage(c))
                .isEmpty();
    }

    @Test
    void the_public_api_exposes_no_internal_type() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : publicTypes()) {
            if (internalPackage(c)) {
                continue;
            }
            for (Class<?> t : withNested(c)) {
                for (String signature : signatures(t)) {
                    if (signature.contains(".internal.")) {
                        leaks.add(t.getName() + ": " + signature);
                    }
                }
                if (t.getSuperclass() != null && internalPackage(t.getSuperclass())) {
                    leaks.add(t.getName() + " extends " + t.getSuperclass().getName());
                }
            }
        }
        assertThat(leaks).as("public API signatures that name an internal type").isEmpty();
    }

    @Test
    void no_stable_member_of_the_baseline_was_removed_or_changed() throws IOException {
        Set<String> current = currentSurface();
        Files.createDirectories(CURRENT.getParent());
        Files.write(CURRENT, current);
        Set<String> baseline = new TreeSet<>(Files.readAllLines(BASELINE));
        baseline.removeIf(line -> line.isBlank() || line.startsWith("#"));
        List<String> gone = baseline.stream().filter(line -> line.startsWith("STABLE "))
                .filter(line -> !current.contains(line)).collect(Collectors.toList());
        assertThat(gone).as("STABLE members of %s missing from this build (removed or changed); if that is intended,"
                + " copy %s over the baseline and record the break in CHANGELOG.md", BASELINE, CURRENT).isEmpty();
    }

    /** One line per public member of every non-internal public type: "STATUS Type member-signature". */
    static Set<String> currentSurface() {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : publicTypes()) {
            API api = c.getAnnotation(API.class);
            if (internalPackage(c) || api == null) {
                continue;
            }
            for (Class<?> t : withNested(c)) {
                out.add(api.status() + " " + t.getName() + " " + kind(t));
                for (String s : signatures(t)) {
                    out.add(api.status() + " " + t.getName() + " " + s);
                }
            }
        }
        return out;
    }

    private static String kind(Class<?> t) {
        return t.isAnnotation() ? "@interface" : t.isEnum() ? "enum" : t.isRecord() ? "record" : t.isInterface()
                ? "interface" : "class";
    }

    private static List<Class<?>> withNested(Class<?> c) {
        List<Class<?>> all = new ArrayList<>(List.of(c));
        for (Class<?> n : c.getDeclaredClasses()) {
            if (Modifier.isPublic(n.getModifiers())) {
                all.addAll(withNested(n));
            }
        }
        return all;
    }

    private static List<String> signatures(Class<?> t) {
        List<String> out = new ArrayList<>();
        Stream.concat(Arrays.stream(t.getDeclaredMethods()), Arrays.stream(t.getDeclaredConstructors()))
                .filter(e -> !e.isSynthetic() && (Modifier.isPublic(e.getModifiers())
                        || Modifier.isProtected(e.getModifiers())))
                .forEach(e -> out.add(signature(e)));
        for (Field f : t.getDeclaredFields()) {
            if (!f.isSynthetic() && (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers()))) {
                out.add("field " + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        if (t.isRecord()) {
            for (RecordComponent rc : t.getRecordComponents()) {
                out.add("component " + rc.getGenericType().getTypeName() + " " + rc.getName());
            }
        }
        return out;
    }

    private static String signature(Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(java.lang.reflect.Type::getTypeName)
                .collect(Collectors.joining(", "));
        String mods = Modifier.isStatic(e.getModifiers()) ? "static " : "";
        if (e instanceof Constructor<?>) {
            return "new(" + params + ")";
        }
        Method m = (Method) e;
        String dflt = m.getDefaultValue() == null ? "" : " default";
        return mods + m.getGenericReturnType().getTypeName() + " " + m.getName() + "(" + params + ")" + dflt;
    }
}
