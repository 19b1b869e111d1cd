package dev.squeeze.junit5.internal;

import java.util.regex.Pattern;

/** Kubernetes and Docker naming rules, checked up front so a typo fails in milliseconds rather than after k3s boots. */
final class Names {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern IMAGE = Pattern.compile(
            "(?:(?:localhost|[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+)(?::\\d+)?/)?" + COMPONENT + "(?:/" + COMPONENT + ")*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?");

    private Names() {
    }

    /** A Docker image reference such as {@code rancher/k3s:v1.34.4-k3s1} or {@code localhost:5000/app@sha256:...}. */
    static boolean isImage(String name) {
        return IMAGE.matcher(name).matches();
    }

    /** A PriorityClass name: lowercase DNS subdomain, at most 253 characters. */
    static boolean isDnsSubdomain(String name) {
        return name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
    }

    /** A Service name: lowercase DNS-1035 label, at most 63 characters, starting with a letter. */
    static boolean isDnsLabel(String name) {
        return DNS_LABEL.matcher(name).matches();
    }
}
