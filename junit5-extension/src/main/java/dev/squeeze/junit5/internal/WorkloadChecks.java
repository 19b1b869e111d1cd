package dev.squeeze.junit5.internal;

import dev.squeeze.workload.WorkloadSpec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Checks that a workload's manifests exist and parse and its selectors parse, before a node is started for it. */
final class WorkloadChecks {

    static final String CLASSPATH = "classpath:";

    private WorkloadChecks() {
    }

    /** Checks every workload, then parses every manifest that exists (CRDs of one workload serve all). */
    static void checkAll(List<WorkloadSpec> workloads, Subject subject, ClassLoader loader, boolean existingCluster,
                         Problems problems) {
        List<String> found = new java.util.ArrayList<>();
        for (WorkloadSpec workload : workloads) {
            if (workload.manifests().isEmpty()) {
                problems.add(subject.attr("manifests"), "must name at least one YAML manifest", "{}",
                        subject.assign("manifests", "classpath:k8s/app.yaml"));
            }
            workload.manifests().stream().filter(manifest -> checkManifest(manifest, subject, loader, problems))
                    .forEach(found::add);
            selectors(workload.readySelectors(), "readySelectors", subject, problems);
            NodeChecks.positive(subject, "readyTimeout", workload.readyTimeout(), "2m", problems);
        }
        new ManifestChecks(subject, existingCluster, problems).check(found);
    }

    static void selectors(List<String> selectors, String attribute, Subject subject, Problems problems) {
        for (String selector : selectors) {
            LabelSelectors.problem(selector).ifPresent(problem -> problems.add(subject.attr(attribute) + " must be "
                    + LabelSelectors.EXAMPLES + ", but was '" + selector + "', which " + problem + ". Fix: "
                    + LabelSelectors.guess(selector).map(g -> subject.assign(attribute, g))
                            .orElse("write " + LabelSelectors.EXAMPLES)));
        }
    }

    /** Whether the manifest exists; a missing one is recorded. */
    private static boolean checkManifest(String manifest, Subject subject, ClassLoader loader, Problems problems) {
        if (manifest.startsWith(CLASSPATH)) {
            String resource = resourceName(manifest);
            if (loader.getResource(resource) == null) {
                problems.add(subject.attr("manifests"), "must name a resource on the test classpath", manifest,
                        "put the file at src/test/resources/" + resource + " or correct the path");
                return false;
            }
            return true;
        }
        Path file;
        try {
            file = Path.of(manifest);
        } catch (InvalidPathException e) {
            problems.add(subject.attr("manifests"), "must be classpath:path or a file path", manifest,
                    "write a path such as classpath:k8s/app.yaml");
            return false;
        }
        if (!Files.isRegularFile(file)) {
            boolean onClasspath = !manifest.isBlank() && loader.getResource(resourceName(manifest)) != null;
            problems.add(subject.attr("manifests"), "must name an existing file (resolved to "
                            + file.toAbsolutePath() + ") or a classpath resource", manifest,
                    onClasspath ? subject.assign("manifests", CLASSPATH + manifest)
                            : "correct the path, or write classpath:path for a resource");
            return false;
        }
        return true;
    }

    /** {@code classpath:/k8s/a.yaml} and {@code classpath:k8s/a.yaml} name the same resource. */
    static String resourceName(String manifest) {
        String name = manifest.startsWith(CLASSPATH) ? manifest.substring(CLASSPATH.length()) : manifest;
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
