import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CI gate: every integration test ran. Fails when a Failsafe report (of any module, or of a consumer project built
 * by maven-invoker-plugin) shows a skipped test, or when an {@code *IT} class has no report at all, unless the
 * class is listed in the allow-list file. A green build with skipped k3s tests proves nothing.
 *
 * <pre>java .ci/SkipGate.java .ci/allowed-skips .</pre>
 */
public class SkipGate {

    record Skip(String testClass, String test, String reason) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java .ci/SkipGate.java <allowed-skips file> <repository root>");
            System.exit(64);
        }
        Set<String> allowed = allowList(Path.of(args[0]));
        Path root = Path.of(args[1]).toAbsolutePath().normalize();

        List<Path> reports = find(root, p -> p.getParent().endsWith("failsafe-reports")
                && p.getFileName().toString().matches("TEST-.*\\.xml"));
        Set<String> reported = new TreeSet<>();
        List<Skip> skips = new ArrayList<>();
        for (Path report : reports) {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getDocumentElement();
            reported.add(suite.getAttribute("name"));
            skips.addAll(skipsIn(suite));
        }
        Set<String> missing = new TreeSet<>();
        for (Path source : find(root, p -> p.toString().contains("/src/test/java/")
                && p.getFileName().toString().endsWith("IT.java"))) {
            String cls = className(source);
            if (!reported.contains(cls)) {
                missing.add(cls);
            }
        }

        System.out.printf("skip gate: %d Failsafe reports, %d skipped tests, %d *IT classes without a report%n",
                reports.size(), skips.size(), missing.size());
        List<String> failures = new ArrayList<>();
        Set<String> usedAllowances = new TreeSet<>();
        for (Skip skip : skips) {
            String line = skip.testClass() + (skip.test().isEmpty() ? "" : "#" + skip.test()) + " was skipped: "
                    + (skip.reason().isBlank() ? "(no reason given)" : skip.reason());
            if (allowed.contains(skip.testClass())) {
                usedAllowances.add(skip.testClass());
                System.out.println("  allowed   " + line);
            } else {
                failures.add("  SKIPPED   " + line);
            }
        }
        for (String cls : missing) {
            if (allowed.contains(cls)) {
                usedAllowances.add(cls);
                System.out.println("  allowed   " + cls + " has no Failsafe report");
            } else {
                failures.add("  NOT RUN   " + cls + " has no Failsafe report (-DskipITs, -Dit.test, or a build"
                        + " that stopped before it?)");
            }
        }
        for (String cls : allowed) {
            if (!usedAllowances.contains(cls)) {
                System.out.println("  note      " + cls + " is in " + args[0] + " but ran: remove it from the list");
            }
        }
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("SKIP GATE FAILED: integration tests that CI must run did not run.");
            failures.forEach(System.out::println);
            System.out.println("Fix the cause (Docker, images, kubeconfig), or, for a test that cannot run here yet,"
                    + " add its class with a comment saying why to " + args[0] + ".");
            System.exit(1);
        }
        if (reports.isEmpty()) {
            System.out.println("SKIP GATE FAILED: no Failsafe reports under " + root + ": did `mvn verify` run?");
            System.exit(1);
        }
        System.out.println("skip gate: passed");
    }

    /** Test cases with a {@code <skipped>} child; a class skipped as a whole is reported the same way by Surefire. */
    static List<Skip> skipsIn(Element suite) {
        List<Skip> skips = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            NodeList skipped = testCase.getElementsByTagName("skipped");
            if (skipped.getLength() > 0) {
                String cls = testCase.getAttribute("classname").isEmpty() ? suite.getAttribute("name")
                        : testCase.getAttribute("classname");
                String name = testCase.getAttribute("name");
                skips.add(new Skip(cls, name.equals(cls) ? "" : name,
                        ((Element) skipped.item(0)).getAttribute("message")));
            }
        }
        int declared = suite.getAttribute("skipped").isEmpty() ? 0 : Integer.parseInt(suite.getAttribute("skipped"));
        if (declared > skips.size()) {
            skips.add(new Skip(suite.getAttribute("name"), "", declared - skips.size()
                    + " skipped test(s) without a <skipped> element"));
        }
        return skips;
    }

    /** One fully qualified class name a line; '#' starts a comment. */
    static Set<String> allowList(Path file) throws IOException {
        Set<String> allowed = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String entry = line.replaceFirst("#.*", "").strip();
            if (!entry.isEmpty()) {
                allowed.add(entry);
            }
        }
        return allowed;
    }

    static String className(Path source) {
        String path = source.toString();
        String relative = path.substring(path.lastIndexOf("/src/test/java/") + "/src/test/java/".length());
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }

    static List<Path> find(Path root, java.util.function.Predicate<Path> filter) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/local-repo/"))
                    .filter(filter).sorted().toList();
        }
    }
}
