package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.NodeSpec;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Info;
import dev.squeeze.internal.kube.Namespaces;
import dev.squeeze.internal.units.Durations;
import dev.squeeze.report.WallLimits;
import dev.squeeze.units.MemorySize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The start of a {@link K3sCluster}: preflight, sizing and the container, then what can overlap does. Once the
 * container runs, three paths go side by side ({@link StartupPaths}): the MemTotal check; node Ready, kube-system
 * Ready and the size read back ({@link K3sReadBack}); and the namespace, created at once, then images loaded and the
 * caller's hook (the workload) as soon as the node is Ready. Start returns when all three are done; the first failure
 * stops the rest and the node.
 *
 * <pre>{@code
 * K3sCluster cluster = K3sStartup.start(spec, c -> deployWorkload(c));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class K3sStartup {

    // the cluster's logger: users filter k3s's start by that name
    private static final Logger LOG = LoggerFactory.getLogger(K3sCluster.class);
    private static final Duration WATCHDOG_TIMEOUT = Duration.ofSeconds(30);

    private K3sStartup() {
    }

    static K3sCluster start(NodeSpec spec, Consumer<? super K3sCluster> whenNodeReady) {
        DockerClient docker = DockerClientFactory.instance().client();
        Info info = docker.infoCmd().exec();
        HostPreflight preflight = HostPreflight.of(info);
        // the doctor's lines once per JVM, then a daemon no node can run on is refused before any container starts
        dev.squeeze.doctor.Doctor.logOnce(docker, info, LOG);
        preflight.refusal().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        boolean cgroupV1 = preflight.cgroupV1();
        HostSwap hostSwap = HostSwap.readHost();
        LOG.info("k3s preflight: {}{}", hostSwap.describe(info),
                spec.hasSwap() ? "; the node asks for " + spec.swap().toQuantity() + " of swap" : "");
        HostSwap.check(spec, info, hostSwap);
        MemorySize host = MemorySize.ofBytes(info.getMemTotal());
        // the owner on the container and its watchdog inside it: a later run removes both the node and its cgroup
        // parent once the watchdog proved this JVM gone, even after kill -9 with Ryuk disabled
        Owner owner = Owner.current();
        Leftovers.reap(docker, owner, Leftovers.defaultCgroupRoot(), CgroupSweep.remote(docker, spec.image()), false,
                LOG);
        String id = owner.cgroupTag() + "-" + Namespaces.randomName().substring("squeeze-".length());
        K3sMemoryWall wall = new K3sMemoryWall(spec.wall(), cgroupV1, preflight.systemdDriver(), id, spec.memory(),
                spec.swap());
        NodeSizing sizing = NodeSizing.derive(spec, host, wall.kubeletCgroupRoot(), cgroupV1,
                K3sCluster.kubernetesMinor(spec.image()));

        SqueezeK3sContainer container = new SqueezeK3sContainer(
                DockerImageName.parse(spec.image()).asCompatibleSubstituteFor("rancher/k3s"), wall);
        // extend, not replace, the stock command (server --disable=traefik --tls-san=<host>): the flags stay
        // visible in `docker inspect`, and k3s's command line wins over any config file in the image
        container.setCommand(Stream.concat(Stream.of(container.getCommandParts()), sizing.k3sArgs().stream())
                .toArray(String[]::new));
        wall.configure(container);
        container.withLabels(owner.labels());
        container.withLabel(Owner.LABEL_CGROUP_PARENT, "/" + wall.parent());
        container.withLabel(OwnerWatchdog.LABEL, OwnerWatchdog.MARKER);
        container.withStartupTimeout(spec.startupTimeout());
        LOG.info("k3s: starting {} as a {} ({} cgroup v{})", spec.image(), sizing.describe(), spec.wall(),
                cgroupV1 ? 1 : 2);

        long t0 = System.nanoTime();
        K3sCluster cluster = null;
        StartupPaths paths = null;
        try {
            container.start();
            Duration started = since(t0);
            cluster = new K3sCluster(container, wall,
                    new WallMemory(container, cgroupV1, wall.parent(), Leftovers.defaultCgroupRoot(),
                            java.nio.file.Paths.get("/proc/pressure/memory"), spec.hasSwap()));
            paths = new StartupPaths("k3s-start-" + container.getContainerId().substring(0, 12));
            await(cluster, paths, new K3sReadBack(container, cluster.client(), wall, spec, sizing, preflight),
                    whenNodeReady, t0, started);
            return cluster;
        } catch (RuntimeException e) {
            boolean hookFailed = paths != null && paths.failedIn(e, StartupPaths.HOOK);
            if (paths != null) {
                paths.stop();
            }
            String logs = hookFailed ? "" : tail(container);
            if (cluster != null) {
                cluster.close();
            } else {
                K3sCluster.stopQuietly(container, wall);
            }
            if (!hookFailed) {
                e.addSuppressed(new IllegalStateException("last k3s log lines:\n" + logs));
                e.addSuppressed(new IllegalStateException("k3s preflight: " + preflight.describe()));
            }
            throw e;
        }
    }

    private static void await(K3sCluster cluster, StartupPaths paths, K3sReadBack readBack,
                              Consumer<? super K3sCluster> whenNodeReady, long t0, Duration started) {
        NodeSpec spec = readBack.spec();
        CompletableFuture<String> nodeReady = new CompletableFuture<>();
        CompletableFuture<Long> memTotal = paths.submit("MemTotal", readBack::checkMemTotalInside);
        // the wall read back (memory and swap limit) at once: a PHYSICAL wall swap leaks through fails the start now
        CompletableFuture<WallLimits> wallLimits = paths.submit("wall", readBack::readWall);
        paths.submit("node", () -> {
            // "Node controller sync successful" (what K3sContainer waits for) comes before Ready in k3s
            String name = K3sReadiness.awaitNodeReady(cluster.client(), remaining(spec, t0), LOG);
            Duration nodeAt = since(t0);
            nodeReady.complete(name);
            LOG.info("k3s: node {} Ready after {}; waiting for kube-system", name, Durations.format(nodeAt));
            K3sReadiness.awaitKubeSystemReady(cluster.client(), remaining(spec, t0), LOG);
            K3sCluster.StartupTimes times = new K3sCluster.StartupTimes(started, nodeAt, since(t0));
            LOG.info("k3s: kube-system Ready after {} (container started after {})",
                    Durations.format(times.kubeSystemReady()), Durations.format(started));
            cluster.checked(readBack.check(name, StartupPaths.join(memTotal), StartupPaths.join(wallLimits), paths),
                    times);
            return name;
        });
        paths.submit(StartupPaths.HOOK, () -> {
            // the namespace needs only the API server; by node Ready its default ServiceAccount is usually there
            String namespace = Namespaces.create(cluster.client(), remaining(spec, t0).plusSeconds(30), LOG);
            cluster.nodeReady(StartupPaths.join(nodeReady), namespace);
            if (!spec.imagesToLoad().isEmpty()) {
                cluster.loadImages(spec.imagesToLoad());
            }
            whenNodeReady.accept(cluster);
            return namespace;
        });
        paths.awaitAll();
    }

    private static Duration remaining(NodeSpec spec, long t0) {
        Duration left = spec.startupTimeout().minus(since(t0));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static String tail(K3sContainer container) {
        try {
            List<String> lines = container.getLogs().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (RuntimeException e) {
            return "(logs unavailable: " + e.getMessage() + ")";
        }
    }

    /**
     * The stock container, plus the v1 memory wall written the moment Docker has created its cgroup parent, and the
     * owner watchdog attached before anything waits on k3s.
     */
    private static final class SqueezeK3sContainer extends K3sContainer {
        private final transient K3sMemoryWall wall;

        SqueezeK3sContainer(DockerImageName image, K3sMemoryWall wall) {
            super(image);
            this.wall = wall;
        }

        @Override
        protected void containerIsStarting(InspectContainerResponse containerInfo) {
            super.containerIsStarting(containerInfo);
            wall.applyAfterStart(this);
            // ends by itself when the container is removed; until then it holds this JVM's connection
            OwnerWatchdog.attach(getDockerClient(), getContainerId(), WATCHDOG_TIMEOUT);
        }
    }
}
