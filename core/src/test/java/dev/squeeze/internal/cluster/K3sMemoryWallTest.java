package dev.squeeze.internal.cluster;

import dev.squeeze.cluster.MemoryWall;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.squeeze.units.MemorySize;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class K3sMemoryWallTest {

    private static final MemorySize TWO_GI = MemorySize.parse("2Gi");
    // Testcontainers' K3sContainer binds the host's cgroup tree read-write (and /var/lib/rancher/k3s as a tmpfs)
    private static final List<Bind> STOCK = List.of(Bind.parse("/sys/fs/cgroup:/sys/fs/cgroup:rw"),
            Bind.parse("/lib/modules:/lib/modules:ro"));

    private final K3sMemoryWall v1 = new K3sMemoryWall(MemoryWall.PHYSICAL, true, "ab12c", TWO_GI);
    private final K3sMemoryWall v2 = new K3sMemoryWall(MemoryWall.PHYSICAL, false, "ab12c", TWO_GI);

    @Test
    void cgroupV2GetsAPrivateNamespaceAndTheWallAsTheContainerLimitWithoutTheHostCgroupTree() {
        HostConfig hc = v2.hostConfig(new HostConfig());

        assertThat(hc.getCgroupnsMode()).isEqualTo("private");
        assertThat(hc.getMemory()).isEqualTo(TWO_GI.bytes());
        assertThat(hc.getMemorySwap()).isEqualTo(TWO_GI.bytes());
        assertThat(hc.getCgroupParent()).isNull();
        assertThat(v2.binds(STOCK)).extracting(b -> b.getVolume().getPath()).containsExactly("/lib/modules");
        assertThat(v2.kubeletCgroupRoot()).isEmpty();
    }

    @Test
    void cgroupV2AccountingOnlyHasNoContainerLimit() {
        HostConfig hc = new K3sMemoryWall(MemoryWall.ACCOUNTING_ONLY, false, "ab12c", TWO_GI)
                .hostConfig(new HostConfig());

        assertThat(hc.getCgroupnsMode()).isEqualTo("private");
        assertThat(hc.getMemory()).isNull();
    }

    @Test
    void cgroupV1GetsTheSharedParentAndKeepsTheHostCgroupTree() {
        HostConfig hc = v1.hostConfig(new HostConfig());

        assertThat(hc.getCgroupParent()).isEqualTo("/squeeze-ab12c");
        assertThat(hc.getCgroupnsMode()).isNull();
        assertThat(hc.getMemory()).isNull();
        assertThat(v1.binds(STOCK)).isEqualTo(STOCK);
        assertThat(v1.kubeletCgroupRoot()).isEqualTo("/squeeze-ab12c");
        assertThat(new Volume("/sys/fs/cgroup").getPath()).isEqualTo("/sys/fs/cgroup");
    }

    @Test
    void bindsAreAlwaysANewListBecauseSetBindsClearsTheContainersOwnBeforeAdding() {
        // K3sContainer.setBinds(getBinds()) with the same list object empties it: the node then loses the host's
        // cgroup tree and the v1 wall cannot be written (constructing a K3sContainer needs Docker, so this checks
        // the contract instead)
        List<Bind> stock = new java.util.ArrayList<>(STOCK);

        assertThat(v1.binds(stock)).isNotSameAs(stock).isEqualTo(STOCK);
        assertThat(v2.binds(stock)).isNotSameAs(stock);
    }

    @Test
    void readBacksUseTheV2FilesInsideTheNamespaceAndTheV1FilesOfTheParent() {
        assertThat(v2.wallLimitFile()).isEqualTo("/sys/fs/cgroup/memory.max");
        assertThat(v2.kubepodsLimitFile()).isEqualTo("/sys/fs/cgroup/kubepods/memory.max");
        assertThat(v1.wallLimitFile()).isEqualTo("/sys/fs/cgroup/memory/squeeze-ab12c/memory.limit_in_bytes");
        assertThat(v1.kubepodsLimitFile())
                .isEqualTo("/sys/fs/cgroup/memory/squeeze-ab12c/kubepods/memory.limit_in_bytes");
        // v2 "max" and v1's page-aligned near-Long.MAX_VALUE both mean no limit
        assertThat(WallReadBack.parseLimit("max\n")).isNull();
        assertThat(WallReadBack.parseLimit("9223372036854771712\n")).isNull();
        assertThat(WallReadBack.parseLimit("2147483648\n")).isEqualTo(TWO_GI.bytes());
    }

    @Test
    void k3sCgroupIsReadFromTheMemoryLineOnV1AndTheUnifiedLineOnV2() {
        // /proc/1/cgroup fixtures: v1 hybrid after the kubelet moved k3s; v2 after EvacuateCgroup2 and the move
        String v1Proc = "9:name=systemd:/squeeze-ab12c/k3s\n4:memory:/squeeze-ab12c/k3s\n1:cpu:/squeeze-ab12c/k3s\n"
                + "0::/squeeze-ab12c/e3e6\n";
        assertThat(v1.memoryCgroup(v1Proc)).isEqualTo("/squeeze-ab12c/k3s");
        assertThat(v2.memoryCgroup("0::/k3s\n")).isEqualTo("/k3s");
        assertThat(v1.memoryCgroup("4:cpuacct,memory:/squeeze-ab12c/abc\n")).isEqualTo("/squeeze-ab12c/abc");
    }

    @Test
    void workingSetIsUsageMinusInactiveFileHierarchicalOnV1() {
        String v1Stat = "524288000\ncache 1000\ninactive_file 5\ntotal_cache 200000000\ntotal_inactive_file 104857600\n";
        String v2Stat = "524288000\nanon 300000000\nfile 200000000\ninactive_file 104857600\nactive_file 1\n";

        assertThat(v1.workingSet(v1Stat)).isEqualTo(400L << 20);
        assertThat(v2.workingSet(v2Stat)).isEqualTo(400L << 20);
        assertThat(v2.workingSet("1000\n")).isEqualTo(1000);
    }

    @Test
    void k3sBelowTheParentIsInside() {
        assertThat(v1.outsideWall("/squeeze-ab12c/k3s")).isNull();
        assertThat(v1.outsideWall("/squeeze-ab12c/e3e6ac34")).isNull();
    }

    @Test
    void k3sMovedToSlashK3sNamesK3sCheckCgroupsAsTheCause() {
        assertThat(v1.outsideWall("/k3s")).isEqualTo("k3s runs in memory cgroup '/k3s', not below /squeeze-ab12c:"
                + " k3s's CheckCgroups (PID 1 in a container cgroup) set kubelet-cgroups=/k3s and the kubelet moved"
                + " the whole k3s process there, outside the node's memory wall; Squeeze passes"
                + " --kubelet-arg=kubelet-cgroups=/squeeze-ab12c/k3s to prevent this, so something overrode it (a"
                + " kubelet-arg in the image's /etc/rancher/k3s/config.yaml?); remove that override or use"
                + " MemoryWall.ACCOUNTING_ONLY");
    }

    @Test
    void k3sElsewhereBlamesTheIgnoredCgroupParent() {
        assertThat(v1.outsideWall("/docker/e3e6ac34")).startsWith("k3s runs in memory cgroup '/docker/e3e6ac34',"
                + " not below /squeeze-ab12c: the Docker daemon ignored the cgroup parent '/squeeze-ab12c'")
                .contains("exec-opts (native.cgroupdriver)").contains("-Dsqueeze.kubeconfig")
                // ACCOUNTING_ONLY sets the same cgroup parent: recommending it would not help
                .doesNotContain("ACCOUNTING_ONLY");
    }

    @Test
    void aNodeWithSwapMovesOnlyTheMemoryPlusSwapLimit() {
        K3sMemoryWall swapped = new K3sMemoryWall(MemoryWall.PHYSICAL, false, "ab12c", TWO_GI,
                MemorySize.parse("1Gi"));

        HostConfig hc = swapped.hostConfig(new HostConfig());

        assertThat(hc.getMemory()).isEqualTo(TWO_GI.bytes());
        assertThat(hc.getMemorySwap()).isEqualTo(3L << 30);
        // read back on v1: memsw - memory is the node's swap, which is what the wall is meant to let through
        String v1ReadBack = "2147483648\n---squeeze---\n3221225472\n---squeeze---\nSwapTotal: 2097148 kB\n";
        assertThat(WallReadBack.parse(true, "squeeze-ab12c", v1ReadBack, 1L << 30).hard()).isTrue();
        assertThat(WallReadBack.parse(true, "squeeze-ab12c", v1ReadBack, 0).hard()).isFalse();
    }
}
