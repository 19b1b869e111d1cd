package dev.squeeze.probe;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An HTTP GET through the cluster to one of the workload's Services, on every tick.
 *
 * @param service a Service in the experiment's namespace
 * @param port    the Service port
 * @param path    such as {@code /healthz}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HttpProbeSpec(String service, int port, String path) {
}
