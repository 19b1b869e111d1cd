package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.cluster.MemoryWall;
import com.github.dockerjava.api.model.HostConfig;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;

import static dev.squeeze.internal.cluster.DockerInfoFixtures.preflight;
import static dev.squeeze.internal.cluster.DockerInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A cgroup v1 host whose Docker runs the systemd cgroup driver (kubeadm-style hosts): the wall's parent must be a
 * slice, and the kubelet's cgroup root the path systemd creates for it. Fixtures: {@code docker-info/} and
 * {@code proc-cgroup/}.
 */
class SystemdDriverWallTest {

    private static final String ID = "h3f9a1c2e-4711-t5kx2p9-b7k2x";
    private static final String SLICE_PATH = "/squeeze.slice/squeeze-h3f9a1c2e_4711_t5kx2p9_b7k2x.slice";

    @Test
    void theParentIsASliceNameDockerAcceptsWithTheSystemdDriver() {
        // GIVEN docker info of a v1 host with the systemd driver
        HostPreflight host = preflight("reconstructed-docker-20.10-cgroup-v1-systemd");

        // WHEN the wall is laid out for it
        K3sMemoryWall wall = new K3sMemoryWall(MemoryWall.PHYSICAL, host.cgroupV1(), host.systemdDriver(), ID,
                MemorySize.parse("2Gi"));
        HostConfig hc = wall.hostConfig(new HostConfig());

        // THEN Docker gets a slice (moby: "cgroup-parent for systemd cgroup should be a valid slice named as
        // "xxx.slice""; runc's systemd driver refuses a slash) whose own name does not nest it further
        assertThat(host.cgroupV1()).isTrue();
        assertThat(host.systemdDriver()).isTrue();
        assertThat(hc.getCgroupParent()).endsWith(".slice").doesNotContain("/")
                .isEqualTo("squeeze-h3f9a1c2e_4711_t5kx2p9_b7k2x.slice");
        assertThat(wall.parent()).isEqualTo(SLICE_PATH.substring(1));
    }

    @Test
    void theKubeletCgroupRootAndK3sCgroupsAreWhereSystemdCreatesTheSlice() {
        K3sMemoryWall wall = new K3sMemoryWall(MemoryWall.PHYSICAL, true, true, ID, MemorySize.parse("2Gi"));

        NodeSizing sizing = NodeSizing.derive(NodeSpec.ofMemory(MemorySize.parse("2Gi")), MemorySize.parse("16Gi"), wall.kubeletCgroupRoot(),
                true, 34);

        assertThat(sizing.kubeletArgs()).contains("cgroup-root=" + SLICE_PATH,
                "kubelet-cgroups=" + SLICE_PATH + "/k3s", "runtime-cgroups=" + SLICE_PATH + "/k3s");
        assertThat(wall.wallLimitFile()).isEqualTo("/sys/fs/cgroup/memory" + SLICE_PATH + "/memory.limit_in_bytes");
        assertThat(WallReadBack.script(true, wall.parent()))
                .contains("/sys/fs/cgroup/memory" + SLICE_PATH + "/memory.memsw.limit_in_bytes");
    }

    @Test
    void k3sInTheSliceIsInsideTheWallBeforeAndAfterTheKubeletMovesIt() {
        K3sMemoryWall wall = new K3sMemoryWall(MemoryWall.PHYSICAL, true, true, ID, MemorySize.parse("2Gi"));

        String atStart = wall.memoryCgroup(text("proc-cgroup/k3s-v1-systemd-driver-at-start.txt"));
        String afterKubelet = wall.memoryCgroup(text("proc-cgroup/k3s-v1-systemd-driver-after-kubelet.txt"));

        assertThat(atStart).startsWith(SLICE_PATH + "/docker-").endsWith(".scope");
        assertThat(wall.outsideWall(atStart)).isNull();
        assertThat(afterKubelet).isEqualTo(SLICE_PATH + "/k3s");
        wall.verifyK3sInside(afterKubelet);
    }

    @Test
    void k3sMovedToItsOwnK3sCgroupIsOutsideTheSliceWithAHintThatWorks() {
        K3sMemoryWall wall = new K3sMemoryWall(MemoryWall.PHYSICAL, true, true, ID, MemorySize.parse("2Gi"));
        String outside = wall.memoryCgroup(text("proc-cgroup/k3s-v1-outside-wall-k3s-cgroups.txt"));

        assertThatIllegalStateException().isThrownBy(() -> wall.verifyK3sInside(outside))
                .withMessageContaining("k3s runs in memory cgroup '/k3s', not below " + SLICE_PATH)
                .withMessageContaining("kubelet-cgroups=" + SLICE_PATH + "/k3s");
    }

    @Test
    void aDashInASliceNameNestsItAsSystemdDoes() {
        assertThat(K3sMemoryWall.systemdSlicePath("squeeze-ab.slice")).isEqualTo("/squeeze.slice/squeeze-ab.slice");
        assertThat(K3sMemoryWall.systemdSlicePath("a-b-c.slice")).isEqualTo("/a.slice/a-b.slice/a-b-c.slice");
        assertThat(K3sMemoryWall.systemdSlicePath("x.slice")).isEqualTo("/x.slice");
    }

    @Test
    void theCgroupfsDriverKeepsThePlainParent() {
        HostPreflight host = preflight("rootful-docker-20.10-cgroup-v1-cgroupfs");
        K3sMemoryWall wall = new K3sMemoryWall(MemoryWall.PHYSICAL, host.cgroupV1(), host.systemdDriver(), "ab12c",
                MemorySize.parse("2Gi"));

        assertThat(host.systemdDriver()).isFalse();
        assertThat(wall.hostConfig(new HostConfig()).getCgroupParent()).isEqualTo("/squeeze-ab12c");
        assertThat(wall.kubeletCgroupRoot()).isEqualTo("/squeeze-ab12c");
    }
}
