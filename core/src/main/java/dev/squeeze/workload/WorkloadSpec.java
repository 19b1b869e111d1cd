package dev.squeeze.workload;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Duration;
import java.util.List;

/**
 * The workload to deploy and watch.
 *
 * <pre>{@code
 * WorkloadSpec app = WorkloadSpec.of("classpath:k8s/app.yaml").withReadySelectors(List.of("app=web"));
 * }</pre>
 *
 * @param manifests      {@code classpath:path/in/jar.yaml} or a file path; multi-document YAML allowed
 * @param readySelectors label selectors ({@code app=web}) of pods that must be Ready before and during pressure
 * @param readyTimeout   how long to wait for them to become Ready after deploying
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WorkloadSpec(List<String> manifests, List<String> readySelectors, Duration readyTimeout) {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(2);

    public WorkloadSpec {
        manifests = List.copyOf(manifests);
        readySelectors = List.copyOf(readySelectors);
    }

    public static WorkloadSpec of(String... manifests) {
        return new WorkloadSpec(List.of(manifests), List.of(), DEFAULT_READY_TIMEOUT);
    }

    public WorkloadSpec withReadySelectors(List<String> v) {
        return new WorkloadSpec(manifests, v, readyTimeout);
    }

    public WorkloadSpec withReadyTimeout(Duration v) {
        return new WorkloadSpec(manifests, readySelectors, v);
    }
}
