package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ProbeOutcome;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API server, twice per tick: {@code /readyz} over a fresh TLS connection (a pooled one never redoes the
 * handshake and hides a starving API server) and a small pooled GET ({@code pods?limit=1} in the experiment's
 * namespace, which reads storage) as a controller would do.
 * Both run at once, each with its own timeout, and land in one {@link ApiSample}.
 *
 * <!-- sample(KubernetesClient client, String namespace, Observations observations) -->
 * <pre>{@code
 * Probe api = new ApiServerProbe(client, namespace, Duration.ofSeconds(2), observations);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ApiServerProbe implements Probe {

    /** Two seconds: a healthy API server answers in milliseconds; kubectl's TLS handshake timeout is 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final String pooledPath;
    private final FreshReadyz fresh;
    private final Duration timeout;
    private final Observations observations;

    public ApiServerProbe(KubernetesClient client, String namespace, Duration timeout, Observations observations) {
        this.client = client;
        this.pooledPath = "/api/v1/namespaces/" + namespace + "/pods?limit=1";
        this.fresh = new FreshReadyz(client.getConfiguration(), timeout);
        this.timeout = timeout;
        this.observations = observations;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public boolean overlapping() {
        return true;
    }

    @Override
    public void sample(Tick tick) throws InterruptedException {
        Instant at = Instant.now();
        long start = System.nanoTime();
        AtomicLong answered = new AtomicLong();
        // the pooled GET runs on the client's own threads while the fresh check runs here
        CompletableFuture<HttpResponse<String>> inFlight = client.getHttpClient().sendAsync(
                client.getHttpClient().newHttpRequestBuilder()
                        .uri(ApiGet.join(client.getConfiguration().getMasterUrl(), pooledPath))
                        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build(), String.class);
        CompletableFuture<HttpResponse<String>> timed = inFlight.whenComplete((r, e) -> answered.set(System.nanoTime()));
        ProbeOutcome freshOutcome = fresh.check();
        ProbeOutcome pooled;
        try {
            long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - start));
            HttpResponse<String> response = timed.get(left, TimeUnit.NANOSECONDS);
            Duration latency = Duration.ofNanos(answered.get() - start);
            pooled = response.isSuccessful() ? ProbeOutcome.success(latency, response.code())
                    : ProbeOutcome.failure(latency, "HTTP " + response.code() + " from GET " + pooledPath + ": "
                    + ApiGet.firstLine(response.body(), 160));
        } catch (TimeoutException e) {
            inFlight.cancel(true);
            pooled = ProbeOutcome.failure(Duration.ofNanos(System.nanoTime() - start),
                    ApiGet.noAnswer(pooledPath, timeout));
        } catch (ExecutionException e) {
            pooled = ProbeOutcome.failure(Duration.ofNanos(answered.get() - start), ApiGet.describe(e));
        }
        observations.add(new ApiSample(at, tick.phase(), freshOutcome, pooled));
    }

    @Override
    public void unobserved(Tick tick, String reason) {
        observations.add(new ApiSample(tick.due(), tick.phase(), ProbeOutcome.unobserved(reason),
                ProbeOutcome.unobserved(reason)));
    }
}
