package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.PodRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which recorded pods an assertion is about. Three forms:
 * <ul>
 *   <li>a role: {@code workload}, {@code hog}, {@code system}, {@code admission_check};</li>
 *   <li>a label selector: {@code app=web}, {@code app=web,tier!=cache}; when the report recorded no labels for a pod,
 *       a label selector matches the {@link PodRole#WORKLOAD} pods (the experiment watched exactly the pods its
 *       selectors chose);</li>
 *   <li>a pod name, optionally {@code namespace/}-qualified, with {@code *} wildcards: {@code web-*},
 *       {@code kube-system/coredns-*}; a name without {@code *} matches as a prefix.</li>
 * </ul>
 *
 * <!-- sample(PodHistory history) -->
 * <pre>{@code
 * PodSelector.parse("app=web").matches(history);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public record PodSelector(String text) {

    public static PodSelector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("pod selector must not be blank; use a label selector such as app=web,"
                    + " a role (workload, hog, system) or a pod name pattern such as web-*");
        }
        return new PodSelector(text.trim());
    }

    public boolean matches(PodHistory pod) {
        for (PodRole role : PodRole.values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return pod.role() == role;
            }
        }
        if (text.contains("=")) {
            return pod.labels().isEmpty() ? pod.role() == PodRole.WORKLOAD : labelsMatch(pod.labels());
        }
        return nameMatches(pod);
    }

    public List<PodHistory> select(List<PodHistory> pods) {
        List<PodHistory> out = new ArrayList<>();
        pods.stream().filter(this::matches).forEach(out::add);
        return out;
    }

    private boolean labelsMatch(Map<String, String> labels) {
        for (String term : text.split(",")) {
            String t = term.trim();
            boolean negated = t.contains("!=");
            String[] kv = t.split(negated ? "!=" : "==?", 2);
            String actual = labels.get(kv[0].trim());
            String wanted = kv.length > 1 ? kv[1].trim() : "";
            if (negated == wanted.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private boolean nameMatches(PodHistory pod) {
        String pattern = text;
        String subject = pod.name();
        if (text.contains("/")) {
            subject = pod.namespace() + "/" + pod.name();
        }
        if (!pattern.contains("*")) {
            return subject.startsWith(pattern);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            regex.append(Pattern.quote(part)).append(".*");
        }
        regex.setLength(regex.length() - 2);
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(subject).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
