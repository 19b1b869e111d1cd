package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.units.Durations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A GET of an API server path over the client's own pooled connection, with a hard timeout and the HTTP status kept
 * (fabric8's {@code raw()} hides it, and a 502 from a service proxy is exactly what a probe wants to see).
 */
@API(status = INTERNAL, since = "0.1")
public final class ApiGet {

    private ApiGet() {
    }

    /** A response: status and body. */
    public record Response(int code, String body) {
        public boolean ok() {
            return code >= 200 && code < 300;
        }
    }

    /**
     * @param path such as {@code /api/v1/nodes/k3s/proxy/stats/summary}
     * @throws TimeoutException when no answer came within {@code timeout}
     */
    public static Response get(KubernetesClient client, String path, Duration timeout)
            throws TimeoutException, ExecutionException, InterruptedException {
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(join(client.getConfiguration().getMasterUrl(), path))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        var future = client.getHttpClient().sendAsync(request, String.class);
        try {
            HttpResponse<String> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.code(), response.body() == null ? "" : response.body());
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** The same GET without waiting; the future fails with the transport's exception, or times out on its own. */
    static java.util.concurrent.CompletableFuture<Response> getAsync(KubernetesClient client, String path,
                                                                     Duration timeout) {
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(join(client.getConfiguration().getMasterUrl(), path))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return client.getHttpClient().sendAsync(request, String.class)
                .thenApply(r -> new Response(r.code(), r.body() == null ? "" : r.body()));
    }

    static String join(String masterUrl, String path) {
        String base = masterUrl.endsWith("/") ? masterUrl.substring(0, masterUrl.length() - 1) : masterUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** The first line of a body, trimmed to {@code max} characters, for error texts. */
    public static String firstLine(String body, int max) {
        String text = body == null ? "" : body.strip();
        int nl = text.indexOf('\n');
        String line = nl >= 0 ? text.substring(0, nl).strip() : text;
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }

    /** The error text for a GET that got no answer within {@code timeout}: one wording for every probe's report. */
    public static String noAnswer(String path, Duration timeout) {
        return "no answer to GET " + path + " within " + Durations.format(timeout);
    }

    /** The error text for an exception a GET ended with: its root cause, not fabric8's wrappers. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
