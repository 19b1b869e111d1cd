import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns every Java sample of README.md (each ```java block) and of the public types' javadoc (each {@code <pre>}
 * block that is not marked {@code class="language-..."} with another language) into a compilable source file, so
 * that the build compiles them against the artifacts a user gets.
 *
 * <p>A sample is taken as one of three shapes, the first that parses: whole type declarations (kept as they are),
 * class members (wrapped in a class), or statements (wrapped in a method). It gets only the imports it needs: each
 * simple type name it uses and does not declare is looked up among the public types of the classpath's Squeeze
 * packages (none named {@code internal}) first, then a few JDK, JUnit, AssertJ and fabric8 packages; an unqualified
 * method call such as {@code assertThat(...)} gets a static import when exactly one public Squeeze type has it.
 * A name found nowhere stays as it is, so the compiler reports it.
 *
 * <p>Variables a sample uses without declaring them come from a marker right before the block, an HTML comment that
 * neither Markdown nor javadoc shows: {@code <!-- sample(ChaosReport report) -->} declares them as the wrapping
 * method's parameters; {@code <!-- sample Name(ChaosReport report) -->} also names the generated class. In
 * README.md, {@code <!-- file: src/test/resources/k8s/app.yaml -->} before any block writes that block to the path.
 * A lone {@code ...} (an elided body or argument list) becomes a comment.
 *
 * <pre>
 * java ExtractSamples.java --classpath CP --readme README.md --sources core/src/main/java ... --out DIR --resources DIR
 * </pre>
 */
public class ExtractSamples {

    static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);
    static final Pattern MARKER = Pattern.compile("<!--\\s*sample\\s*(\\w*)\\s*(?:\\((.*?)\\))?\\s*-->\\s*$",
            Pattern.DOTALL);
    static final Pattern FILE_MARKER = Pattern.compile("<!--\\s*file:\\s*(\\S+)\\s*-->\\s*$");
    static final Pattern PRE = Pattern.compile("<pre([^>]*)>\\{@code[ \\t]*\\n(.*?)\\}</pre>", Pattern.DOTALL);
    static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    static final Pattern LONE_ELLIPSIS = Pattern.compile("(?<![\\w)\\]>.])\\.\\.\\.(?!\\.)");
    /** Packages besides Squeeze's that samples may use without importing; earlier ones win a tie. */
    static final List<String> OTHER_PACKAGES = List.of("java.util", "java.time", "java.nio.file", "java.io",
            "java.util.function", "java.util.concurrent", "java.net", "org.junit.jupiter.api",
            "org.junit.jupiter.api.extension", "org.junit.jupiter.api.parallel", "org.assertj.core.api",
            "io.fabric8.kubernetes.client", "io.fabric8.kubernetes.api.model");

    record Sample(String origin, String pkg, String name, String params, String code) {
    }

    final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    /** simple name -> fully qualified names, Squeeze's public types first, then OTHER_PACKAGES in order. */
    final Map<String, List<String>> types = new LinkedHashMap<>();
    /** static method name -> the public Squeeze types declaring or inheriting it as public static. */
    final Map<String, Set<String>> statics = new TreeMap<>();
    final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        }
        new ExtractSamples().run(opts);
    }

    void run(Map<String, List<String>> opts) throws Exception {
        String classpath = opts.get("--classpath").get(0);
        Path out = Path.of(opts.get("--out").get(0));
        Path resources = Path.of(opts.get("--resources").get(0));
        index(classpath);

        List<Sample> samples = new ArrayList<>();
        Path readme = Path.of(opts.get("--readme").get(0));
        samples.addAll(fromReadme(readme, resources));
        int fromReadme = samples.size();
        for (String dir : opts.getOrDefault("--sources", List.of())) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    samples.addAll(fromJavadoc(Path.of(dir), file));
                }
            }
        }
        List<String> listing = new ArrayList<>();
        for (Sample s : samples) {
            String[] source = generate(s);
            if (source == null) {
                continue;
            }
            Path file = out.resolve(source[0].replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source[1]);
            listing.add(out.relativize(file) + " <- " + s.origin());
        }
        Files.createDirectories(out.getParent());
        Files.write(out.getParent().resolve("samples.txt"), listing);
        System.out.printf("ExtractSamples: %d README samples, %d javadoc samples -> %s%n", fromReadme,
                samples.size() - fromReadme, out);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("ExtractSamples: " + p));
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------------------------------------- where samples are

    List<Sample> fromReadme(Path readme, Path resources) throws IOException {
        String text = Files.readString(readme);
        List<Sample> samples = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            String before = text.substring(0, m.start()).stripTrailing();
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            Matcher file = FILE_MARKER.matcher(before);
            if (file.find()) {
                Path target = resources.resolve(file.group(1)).normalize();
                Files.createDirectories(target.getParent());
                Files.writeString(target, m.group(2));
                System.out.println("ExtractSamples: README.md line " + line + " -> " + target);
            }
            if (!m.group(1).equals("java")) {
                continue;
            }
            Matcher marker = MARKER.matcher(before);
            boolean marked = marker.find();
            String name = marked && !marker.group(1).isEmpty() ? marker.group(1) : "ReadmeLine" + line;
            samples.add(new Sample("README.md line " + line, "readme", name,
                    marked && marker.group(2) != null ? marker.group(2) : "", m.group(2)));
        }
        return samples;
    }

    List<Sample> fromJavadoc(Path root, Path file) throws IOException {
        String rel = root.relativize(file).toString();
        String pkg = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')).replace('/', '.') : "";
        String text = Files.readString(file);
        boolean packageInfo = file.getFileName().toString().equals("package-info.java");
        boolean publicType = Pattern.compile("(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                + "(?:class|interface|record|enum|@interface)\\s").matcher(text).find();
        if (Set.of(pkg.split("\\.")).contains("internal") || !(packageInfo || publicType)
                || Pattern.compile("status\\s*=\\s*(?:API\\.Status\\.|Status\\.)?INTERNAL").matcher(text).find()) {
            return List.of();
        }
        String type = file.getFileName().toString().replace(".java", "").replace("-", "_");
        List<Sample> samples = new ArrayList<>();
        Matcher doc = JAVADOC.matcher(text);
        int n = 0;
        while (doc.find()) {
            String comment = doc.group(1).replaceAll("(?m)^[ \\t]*\\* ?", "");
            int docLine = (int) text.substring(0, doc.start()).chars().filter(c -> c == '\n').count() + 1;
            Matcher pre = PRE.matcher(comment);
            while (pre.find()) {
                Matcher lang = Pattern.compile("class\\s*=\\s*\"language-(\\w+)\"").matcher(pre.group(1));
                if (lang.find() && !lang.group(1).equals("java")) {
                    continue;
                }
                int line = docLine + (int) comment.substring(0, pre.start()).chars().filter(c -> c == '\n').count();
                Matcher marker = MARKER.matcher(comment.substring(0, pre.start()).stripTrailing());
                boolean marked = marker.find();
                n++;
                String name = marked && !marker.group(1).isEmpty() ? marker.group(1) : type + "Sample" + n;
                String code = pre.group(2).replace("&#64;", "@").replace("{@literal @}", "@");
                samples.add(new Sample(rel + " line " + line, "javadoc." + pkg.replace("dev.squeeze.", ""),
                        name, marked && marker.group(2) != null ? marker.group(2) : "", code));
            }
        }
        return samples;
    }

    // --------------------------------------------------------------------------------------------------- the shapes

    final Set<String> generated = new HashSet<>();

    /** {qualified name, source}, or null after adding a problem. */
    String[] generate(Sample s) {
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : s.code().split("\n", -1)) {
            if (body.toString().isBlank() && line.startsWith("import ")) {
                imports.add(line.strip());
            } else {
                body.append(line).append('\n');
            }
        }
        String code = LONE_ELLIPSIS.matcher(body.toString()).replaceAll("/* ... */");
        String fields = s.params().isBlank() ? "" : "    " + s.params().replace(",", ";\n    ") + ";\n";
        String header = "// Generated by ExtractSamples from " + s.origin() + ": edit the sample there.\npackage "
                + s.pkg() + ";\n\n";
        List<String> shapes = List.of(
                code,
                "class " + s.name() + " {\n" + fields + code + "}\n",
                "class " + s.name() + " {\n    static void run(" + s.params() + ") throws Exception {\n" + code
                        + "    }\n}\n");
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            String unit = header + String.join("\n", imports) + "\n" + shapes.get(i);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            CompilationUnitTree tree = parse(unit, diagnostics);
            boolean clean = diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
            if (clean && i == 0) {
                // whole types only: the file is named after the first one
                List<String> names = tree.getTypeDecls().stream().filter(t -> t instanceof ClassTree)
                        .map(t -> ((ClassTree) t).getSimpleName().toString()).toList();
                clean = !names.isEmpty() && names.size() == tree.getTypeDecls().size() && !names.contains("");
                if (clean) {
                    s = new Sample(s.origin(), s.pkg(), names.get(0), s.params(), s.code());
                }
            }
            if (clean) {
                List<String> all = new ArrayList<>(imports);
                imports(tree).stream().map(q -> "import " + q + ";").filter(q -> !all.contains(q)).forEach(all::add);
                if (!generated.add(s.pkg() + "." + s.name())) {
                    problems.add(s.origin() + ": a second sample named " + s.name() + " in the same place. Fix: give"
                            + " it a name of its own (<!-- sample OtherName(...) --> or another class name)");
                    return null;
                }
                return new String[] {s.pkg() + "." + s.name(),
                        header + String.join("\n", all) + "\n\n" + shapes.get(i)};
            }
            errors.add(diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .findFirst().map(d -> d.getMessage(null)).orElse("no type declared"));
        }
        problems.add(s.origin() + ": not Java in any shape (types: " + errors.get(0) + "; members: " + errors.get(1)
                + "; statements: " + errors.get(2) + "). Fix the sample, or mark a block in another language with"
                + " <pre class=\"language-xyz\">");
        return null;
    }

    CompilationUnitTree parse(String unit, DiagnosticCollector<JavaFileObject> diagnostics) {
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Sample.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("--release", "17",
                "-proc:none"), null, List.of(source));
        try {
            return task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            public Void visitMethod(com.sun.source.tree.MethodTree node, Void v) {
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

    // ------------------------------------------------------------------------------------------ the types to import

    void index(String classpath) throws Exception {
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
}
