package dev.squeeze.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.cluster.Images;
import dev.squeeze.units.MemorySize;

import java.time.Duration;
import java.util.List;

/**
 * The throwaway k3s node to start: its memory size and what the kubelet reserves and evicts at.
 *
 * <pre>{@code
 * NodeSpec node = NodeSpec.ofMemory(MemorySize.parse("2Gi"))
 *         .withEvictionHard(MemorySize.parse("200Mi"))
 *         .withKubeReserved(MemorySize.parse("400Mi"));
 * }</pre>
 *
 * @param memory                   the node's size N: capacity the kubelet reports, and the physical wall
 * @param evictionHard             {@code memory.available} hard eviction threshold; {@link MemorySize#ZERO} means no
 *                                 memory eviction (stock k3s behaviour)
 * @param kubeReserved             {@code kube-reserved} memory: budget for k3s itself (API server, kubelet, containerd)
 * @param systemReserved           extra {@code system-reserved} memory on top of what sizing derives
 * @param pressureTransitionPeriod {@code eviction-pressure-transition-period}; short so tests converge
 * @param image                    the k3s image, such as {@code rancher/k3s:v1.34.4-k3s1}
 * @param wall                     whether N is a physical wall
 * @param kubeletArgs              extra kubelet arguments ({@code key=value}), appended last
 * @param imagesToLoad             local Docker images to side-load into the node
 * @param startupTimeout           how long to wait for the node and kube-system to be Ready
 * @param swap                     swap the node may use on top of {@code memory}; {@link MemorySize#ZERO} (the
 *                                 default) means none. With swap the physical wall is memory + swap, the kubelet runs
 *                                 with {@code fail-swap-on=false}, and the Docker host must have that much swap
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record NodeSpec(MemorySize memory, MemorySize evictionHard, MemorySize kubeReserved, MemorySize systemReserved,
                       Duration pressureTransitionPeriod, String image, MemoryWall wall, List<String> kubeletArgs,
                       List<String> imagesToLoad, Duration startupTimeout, MemorySize swap) {

    public static final MemorySize DEFAULT_MEMORY = MemorySize.ofGibibytes(2);
    public static final MemorySize DEFAULT_EVICTION_HARD = MemorySize.ofMebibytes(200);
    public static final MemorySize DEFAULT_KUBE_RESERVED = MemorySize.ofMebibytes(600);
    public static final Duration DEFAULT_PRESSURE_TRANSITION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(3);

    public NodeSpec {
        kubeletArgs = List.copyOf(kubeletArgs);
        imagesToLoad = List.copyOf(imagesToLoad);
        swap = swap == null ? MemorySize.ZERO : swap;
    }

    /** A node without swap. */
    public NodeSpec(MemorySize memory, MemorySize evictionHard, MemorySize kubeReserved, MemorySize systemReserved,
                    Duration pressureTransitionPeriod, String image, MemoryWall wall, List<String> kubeletArgs,
                    List<String> imagesToLoad, Duration startupTimeout) {
        this(memory, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, image, wall, kubeletArgs,
                imagesToLoad, startupTimeout, MemorySize.ZERO);
    }

    /** Whether the node has swap. */
    public boolean hasSwap() {
        return !swap.isZero();
    }

    /**
     * The node with {@code v} of swap on top of its memory, as the seed's own replay ran (2.0 GiB + 1.0 GiB swap):
     * the kernel then pages k3s and the pods out instead of OOM-killing them.
     */
    public NodeSpec withSwap(MemorySize v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, image, wall,
                kubeletArgs, imagesToLoad, startupTimeout, v);
    }

    /** A node of the given size with Squeeze's defaults for everything else. */
    public static NodeSpec ofMemory(MemorySize memory) {
        return new NodeSpec(memory, DEFAULT_EVICTION_HARD, DEFAULT_KUBE_RESERVED, MemorySize.ZERO,
                DEFAULT_PRESSURE_TRANSITION, Images.defaultK3sImage(), MemoryWall.PHYSICAL, List.of(), List.of(),
                DEFAULT_STARTUP_TIMEOUT);
    }

    public static NodeSpec defaults() {
        return ofMemory(DEFAULT_MEMORY);
    }

    public NodeSpec withMemory(MemorySize v) {
        return new NodeSpec(v, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, image, wall,
                kubeletArgs, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withEvictionHard(MemorySize v) {
        return new NodeSpec(memory, v, kubeReserved, systemReserved, pressureTransitionPeriod, image, wall,
                kubeletArgs, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withKubeReserved(MemorySize v) {
        return new NodeSpec(memory, evictionHard, v, systemReserved, pressureTransitionPeriod, image, wall,
                kubeletArgs, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withSystemReserved(MemorySize v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, v, pressureTransitionPeriod, image, wall,
                kubeletArgs, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withPressureTransitionPeriod(Duration v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, v, image, wall,
                kubeletArgs, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withImage(String v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, v, wall,
                kubeletArgs, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withWall(MemoryWall v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, image, v,
                kubeletArgs, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withKubeletArgs(List<String> v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, image, wall,
                v, imagesToLoad, startupTimeout, swap);
    }

    public NodeSpec withImagesToLoad(List<String> v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, image, wall,
                kubeletArgs, v, startupTimeout, swap);
    }

    public NodeSpec withStartupTimeout(Duration v) {
        return new NodeSpec(memory, evictionHard, kubeReserved, systemReserved, pressureTransitionPeriod, image, wall,
                kubeletArgs, imagesToLoad, v, swap);
    }
}
