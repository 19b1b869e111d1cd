import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns every Java sample of README.md (each ```java block) and of the public types' javadoc (each {@code <pre>}
 * block that is not marked {@code class="language-..."} with another language) into a compilable source file, so
 * that the build compiles them against the artifacts a user gets.
 *
 * <p>A sample is taken as one of three shapes, the first that parses: whole type declarations (kept as they are),
 * class members (wrapped in a class), or statements (wrapped in a method). It gets only the imports it needs
 * ({@link ImportIndex}): each simple type name it uses and does not declare is looked up among the public types of
 * the classpath's Squeeze packages (none named {@code internal}) first, then a few JDK, JUnit, AssertJ and fabric8
 * packages; an unqualified method call such as {@code assertThat(...)} gets a static import when exactly one public
 * Squeeze type has it. A name found nowhere stays as it is, so the compiler reports it.
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

    record Sample(String origin, String pkg, String name, String params, String code) {
    }

    final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    final List<String> problems = new ArrayList<>();
    ImportIndex index;

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
        index = new ImportIndex(classpath);

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
                index.imports(tree).stream().map(q -> "import " + q + ";").filter(q -> !all.contains(q)).forEach(all::add);
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

}
