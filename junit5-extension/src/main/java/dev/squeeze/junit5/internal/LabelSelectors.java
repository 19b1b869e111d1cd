package dev.squeeze.junit5.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Kubernetes label selector syntax ({@code app=web}, {@code tier in (web,api)}, {@code !canary}) before a
 * node starts, instead of letting the API server reject it minutes later.
 */
final class LabelSelectors {

    private static final String NAME = "[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
    private static final String PREFIX = "[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?";
    private static final String KEY = "(?:" + PREFIX + "/)?" + NAME;
    private static final Pattern EXISTS = Pattern.compile("!?\\s*(" + KEY + ")");
    private static final Pattern EQUALITY = Pattern.compile("(" + KEY + ")\\s*(==|=|!=)\\s*(" + NAME + ")?");
    private static final Pattern SET = Pattern.compile("(" + KEY + ")\\s+(in|notin)\\s*\\(([^()]*)\\)");
    private static final Pattern COMPARE = Pattern.compile("(" + KEY + ")\\s*[<>]\\s*-?\\d+");
    private static final Pattern VALUE = Pattern.compile(NAME);

    static final String EXAMPLES = "a label selector such as app=web, app!=batch or tier in (web,api)";

    private LabelSelectors() {
    }

    /** Empty when {@code selector} is valid, else what is wrong with it, to follow "which": {@code has an empty requirement ...}. */
    static Optional<String> problem(String selector) {
        if (selector.isBlank()) {
            return Optional.of("is empty and would select every pod");
        }
        for (String requirement : requirements(selector)) {
            String r = requirement.trim();
            if (r.isEmpty()) {
                return Optional.of("has an empty requirement between commas");
            }
            if (!valid(r)) {
                return Optional.of("has the requirement '" + r + "' that is not key, !key, key=value, key!=value,"
                        + " key in (a,b) or key notin (a,b) with keys and values of at most 63 letters, digits,"
                        + " '-', '_' or '.'");
            }
        }
        return Optional.empty();
    }

    /** A likely intended selector, such as {@code app=web} for {@code app:web}; empty when there is no good guess. */
    static Optional<String> guess(String selector) {
        String candidate = selector.trim().replaceFirst("^([^:=!]+):\\s*", "$1=");
        return !candidate.equals(selector.trim()) && problem(candidate).isEmpty()
                ? Optional.of(candidate) : Optional.empty();
    }

    private static boolean valid(String r) {
        if (EXISTS.matcher(r).matches() || EQUALITY.matcher(r).matches() || COMPARE.matcher(r).matches()) {
            return true;
        }
        Matcher set = SET.matcher(r);
        if (!set.matches()) {
            return false;
        }
        for (String value : set.group(3).split(",", -1)) {
            if (!VALUE.matcher(value.trim()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Splits at commas outside parentheses: {@code a in (x,y),b=c} has two requirements. */
    private static List<String> requirements(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }
}
