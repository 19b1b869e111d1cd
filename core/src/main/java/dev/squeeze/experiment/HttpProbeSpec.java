package dev.squeeze.experiment;

/**
 * An HTTP GET through the cluster to one of the workload's Services, on every tick.
 *
 * @param service a Service in the experiment's namespace
 * @param port    the Service port
 * @param path    such as {@code /healthz}
 */
public record HttpProbeSpec(String service, int port, String path) {
}
