package dev.squeeze.internal.probe;

import dev.squeeze.probe.HttpProbeSpec;
import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.ProbeOutcome;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A GET of the workload's Service through the API server's service proxy on every tick: the seed story's
 * "502 Bad Gateway" as a number. A 502 or 503 from the proxy (no ready endpoint, connection refused) is a failure
 * with its status in the error.
 *
 * <!-- sample(KubernetesClient client, String namespace, Duration timeout, Observations observations) -->
 * <pre>{@code
 * Probe http = new ServiceHttpProbe(client, namespace, new HttpProbeSpec("web", 8080, "/healthz"), timeout, observations);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ServiceHttpProbe implements Probe {

    private final KubernetesClient client;
    private final String path;
    private final Duration timeout;
    private final Observations observations;

    public ServiceHttpProbe(KubernetesClient client, String namespace, HttpProbeSpec spec, Duration timeout,
                     Observations observations) {
        this.client = client;
        this.path = proxyPath(namespace, spec);
        this.timeout = timeout;
        this.observations = observations;
    }

    /** {@code /api/v1/namespaces/<ns>/services/<svc>:<port>/proxy<path>} */
    static String proxyPath(String namespace, HttpProbeSpec spec) {
        String p = spec.path() == null || spec.path().isEmpty() ? "/" : spec.path();
        return "/api/v1/namespaces/" + namespace + "/services/" + spec.service() + ":" + spec.port() + "/proxy"
                + (p.startsWith("/") ? p : "/" + p);
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public boolean overlapping() {
        return true;
    }

    @Override
    public void sample(Tick tick) throws InterruptedException {
        Instant at = Instant.now();
        long start = System.nanoTime();
        ProbeOutcome outcome;
        try {
            ApiGet.Response r = ApiGet.get(client, path, timeout);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            outcome = r.ok() ? ProbeOutcome.success(latency, r.code())
                    : ProbeOutcome.failure(latency, "HTTP " + r.code() + " " + reason(r.code()) + " from GET " + path
                    + bodyHint(r.body()));
        } catch (TimeoutException e) {
            outcome = ProbeOutcome.failure(Duration.ofNanos(System.nanoTime() - start),
                    ApiGet.noAnswer(path, timeout));
        } catch (ExecutionException e) {
            outcome = ProbeOutcome.failure(Duration.ofNanos(System.nanoTime() - start), ApiGet.describe(e));
        }
        observations.add(new HttpSample(at, tick.phase(), outcome));
    }

    @Override
    public void unobserved(Tick tick, String reason) {
        observations.add(new HttpSample(tick.due(), tick.phase(), ProbeOutcome.unobserved(reason)));
    }

    private static String reason(int code) {
        return switch (code) {
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            default -> "";
        };
    }

    private static String bodyHint(String body) {
        String line = ApiGet.firstLine(body, 160);
        return line.isEmpty() ? "" : ": " + line;
    }
}
