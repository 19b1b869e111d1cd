package dev.squeeze.internal.kube;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.function.Supplier;

/**
 * One of Squeeze's own requests (create the hog, delete it, read it back), named so that a refusal says which. A 4xx
 * answer (RBAC 403, validation 422, conflict 409, ...) is not a finding about the cluster under pressure but a broken
 * experiment: it becomes a {@link Refused} with the request and the status. Timeouts, connection failures, 408, 429
 * and 5xx stay {@link KubernetesClientException}s: under pressure they are results. Internal.
 *
 * <pre>{@code
 * Pod created = KubeRequest.of("create", "pods", namespace, name).run(() -> client.pods()...create());
 * }</pre>
 *
 * @param verb      what was asked: {@code create}, {@code get}, {@code delete}
 * @param resource  the resource's plural, such as {@code pods}
 * @param namespace where, or {@code null} for cluster-scoped resources
 * @param name      which object
 */
@API(status = INTERNAL, since = "0.1")
public record KubeRequest(String verb, String resource, String namespace, String name) {

    public static KubeRequest of(String verb, String resource, String namespace, String name) {
        return new KubeRequest(verb, resource, namespace, name);
    }

    /** Runs {@code call}; a 4xx answer becomes a {@link Refused} naming this request. */
    public <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            if (refused(e)) {
                throw new Refused(this, e);
            }
            throw e;
        }
    }

    /** Whether the API server answered and said no (4xx other than 408 Request Timeout and 429 Too Many Requests). */
    public static boolean refused(KubernetesClientException e) {
        int code = e.getCode();
        return code >= 400 && code < 500 && code != 408 && code != 429;
    }

    /** Whether the answer was 409 Conflict (for a create: the name is taken). */
    public static boolean conflict(KubernetesClientException e) {
        return e.getCode() == 409;
    }

    /** {@code create pods squeeze-x/squeeze-hog-abc} */
    public String describe() {
        return verb + " " + resource + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    /** The API server refused one of Squeeze's own requests: the experiment cannot be what the spec says. */
    public static final class Refused extends RuntimeException {

        private final transient KubeRequest request;
        private final int code;
        private final String status;

        public Refused(KubeRequest request, KubernetesClientException cause) {
            super(message(request, cause), cause);
            this.request = request;
            this.code = cause.getCode();
            this.status = statusText(cause);
        }

        public KubeRequest request() {
            return request;
        }

        /** The HTTP status code, such as 403. */
        public int code() {
            return code;
        }

        /** The API server's own words (the Status message). */
        public String status() {
            return status;
        }

        private static String message(KubeRequest request, KubernetesClientException e) {
            return "the API server refused Squeeze's request `" + request.describe() + "`: HTTP " + e.getCode()
                    + reason(e) + ": " + statusText(e) + hint(e.getCode());
        }

        private static String reason(KubernetesClientException e) {
            String reason = e.getStatus() == null ? null : e.getStatus().getReason();
            return reason == null || reason.isBlank() ? "" : " " + reason;
        }

        private static String statusText(KubernetesClientException e) {
            String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                    : e.getMessage();
            return m == null ? "(no message)" : m.strip();
        }

        private static String hint(int code) {
            return switch (code) {
                case 401, 403 -> "; give the kubeconfig's user the rights Squeeze needs (create/get/delete pods and"
                        + " configmaps in the namespace), or fix the spec if an admission plugin refused it";
                case 409 -> "; another object has that name: remove it, or let Squeeze pick a fresh namespace";
                case 400, 422 -> "; the object Squeeze built from the spec is invalid: fix the spec's values";
                default -> "";
            };
        }
    }
}
