import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.util.TreeScanner;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The imports a sample needs (for {@link ExtractSamples}): the public types of the classpath's Squeeze packages (none
 * named {@code internal}) by simple name, first, then those of a few JDK, JUnit, AssertJ and fabric8 packages; and
 * the public static methods only one public Squeeze type has, for an unqualified call such as {@code assertThat(...)}.
 *
 * <pre>
 * new ImportIndex(classpath).imports(tree);   // [dev.squeeze.junit5.ChaosNode, static dev.squeeze....assertThat, ...]
 * </pre>
 */
final class ImportIndex {

    /** Packages besides Squeeze's that samples may use without importing; earlier ones win a tie. */
    static final List<String> OTHER_PACKAGES = List.of("java.util", "java.time", "java.nio.file", "java.io",
            "java.util.function", "java.util.concurrent", "java.net", "org.junit.jupiter.api",
            "org.junit.jupiter.api.extension", "org.junit.jupiter.api.parallel", "org.assertj.core.api",
            "io.fabric8.kubernetes.client", "io.fabric8.kubernetes.api.model");

    /** simple name -> fully qualified names, Squeeze's public types first, then OTHER_PACKAGES in order. */
    final Map<String, List<String>> types = new LinkedHashMap<>();
    /** static method name -> the public Squeeze types declaring or inheriting it as public static. */
    final Map<String, Set<String>> statics = new TreeMap<>();

    /** Reads the classpath (a path-separated list of jars and directories) once. */
    ImportIndex(String classpath) throws Exception {
        List<URL> urls = new ArrayList<>();
        List<String> squeeze = new ArrayList<>();
        Map<String, List<String>> others = new LinkedHashMap<>();
        OTHER_PACKAGES.forEach(p -> others.put(p, new ArrayList<>()));
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank() || !Files.exists(Path.of(entry))) {
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
            for (String cls : classNames(Path.of(entry))) {
                String pkg = cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')) : "";
                if (cls.startsWith("dev.squeeze.") && !Set.of(pkg.split("\\.")).contains("internal")) {
                    squeeze.add(cls);
                } else if (others.containsKey(pkg)) {
                    others.get(pkg).add(cls);
                }
            }
        }
        var jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        for (String pkg : OTHER_PACKAGES) {
            if (pkg.startsWith("java.")) {
                Path dir = jrt.getPath("/modules/java.base", pkg.split("\\."));
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class") && !f.contains("$"))
                                .map(f -> pkg + "." + f.replace(".class", "")).sorted().forEach(others.get(pkg)::add);
                    }
                }
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            for (String cls : squeeze) {
                Class<?> c = load(cls, loader);
                if (c != null && Modifier.isPublic(c.getModifiers())) {
                    types.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(cls);
                    for (Method m : methods(c)) {
                        if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class) {
                            statics.computeIfAbsent(m.getName(), k -> new TreeSet<>()).add(cls);
                        }
                    }
                }
            }
            for (List<String> classes : others.values()) {
                for (String cls : classes) {
                    Class<?> c = load(cls, loader);
                    if (c != null && Modifier.isPublic(c.getModifiers())) {
                        types.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(cls);
                    }
                }
            }
        }
        // statics defined in several Squeeze types (say, an inherited AssertJ method) are not guessed
        statics.values().removeIf(owners -> owners.size() != 1);
    }

    /** Its public methods; none when a signature names a class that is not on the classpath (compile scope only). */
    static Method[] methods(Class<?> c) {
        try {
            return c.getMethods();
        } catch (LinkageError e) {
            return new Method[0];
        }
    }

    static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, name.startsWith("java.") ? null : loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static List<String> classNames(Path entry) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.map(entry::relativize).map(Path::toString).forEach(names::add);
            }
        } else if (entry.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(names::add);
            }
        }
        return names.stream().filter(n -> n.endsWith(".class") && !n.contains("$") && !n.contains("-"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
    }

    /** The imports for the simple names the unit uses and does not declare or import itself. */
    Set<String> imports(CompilationUnitTree tree) {
        Set<String> declared = new HashSet<>();
        Set<String> used = new LinkedHashSet<>();
        Set<String> called = new LinkedHashSet<>();
        tree.getImports().forEach(i -> {
            String q = i.getQualifiedIdentifier().toString();
            declared.add(q.substring(q.lastIndexOf('.') + 1));
        });
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree node, Void v) {
                declared.add(node.getSimpleName().toString());
                return super.visitClass(node, v);
            }

            @Override
            public Void visitTypeParameter(TypeParameterTree node, Void v) {
                declared.add(node.getName().toString());
                return super.visitTypeParameter(node, v);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
                if (node.getMethodSelect() instanceof IdentifierTree id) {
                    called.add(id.getName().toString());
                }
                return super.visitMethodInvocation(node, v);
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void v) {
                used.add(node.getName().toString());
                return super.visitIdentifier(node, v);
            }
        }.scan(tree, null);
        Set<String> methods = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree node, Void v) {
                methods.add(node.getName().toString());
                return super.visitMethod(node, v);
            }
        }.scan(tree, null);
        Set<String> result = new TreeSet<>();
        for (String name : used) {
            if (declared.contains(name) || !Character.isUpperCase(name.charAt(0)) || isJavaLang(name)) {
                continue;
            }
            List<String> candidates = types.getOrDefault(name, List.of());
            if (!candidates.isEmpty()) {
                result.add(candidates.get(0));
            }
        }
        for (String name : called) {
            Set<String> owners = statics.getOrDefault(name, Set.of());
            if (!methods.contains(name) && !declared.contains(name) && owners.size() == 1
                    && tree.getImports().stream().noneMatch(i -> i.isStatic()
                    && i.getQualifiedIdentifier().toString().endsWith("." + name))) {
                result.add("static " + owners.iterator().next() + "." + name);
            }
        }
        return result;
    }

    static boolean isJavaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
