package dev.squeeze.internal.cluster;

import com.github.dockerjava.api.model.Info;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostPreflightTest {

    // `docker info` of this project's CI machine, and of a GitHub-hosted Ubuntu runner (cgroup v2, systemd)
    private static final Info CI = new Info().withServerVersion("20.10.24+dfsg1").withOperatingSystem("Debian GNU/Linux 12 (bookworm)")
            .withKernelVersion("6.1.0-31-cloud-amd64").withCGroupVersion("1").withCGroupDriver("cgroupfs")
            .withSecurityOptions(List.of("name=seccomp,profile=default")).withMemTotal(24_684_092L * 1024);
    private static final Info UBUNTU = new Info().withServerVersion("28.0.4").withOperatingSystem("Ubuntu 24.04.2 LTS")
            .withKernelVersion("6.11.0-1012-azure").withCGroupVersion("2").withCGroupDriver("systemd")
            .withSecurityOptions(List.of("name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"))
            .withMemTotal(16_772_956_160L);

    @Test
    void describesTheCgroupVersionDriverPrivilegeMemoryAndDockerVersion() {
        assertThat(HostPreflight.of(CI).describe()).isEqualTo("Docker 20.10.24+dfsg1 on Debian GNU/Linux 12"
                + " (bookworm) (kernel 6.1.0-31-cloud-amd64), cgroup v1 driver cgroupfs, privileged: possible, host"
                + " MemTotal 23.54 GiB (25276510208 bytes)");
        HostPreflight ubuntu = HostPreflight.of(UBUNTU);
        assertThat(ubuntu.cgroupV1()).isFalse();
        assertThat(ubuntu.describe()).contains("cgroup v2 driver systemd, privileged: possible");
    }

    @Test
    void rootlessDockerCannotRunAPrivilegedNodeThatWritesCgroups() {
        HostPreflight rootless = HostPreflight.of(new Info().withServerVersion("28.0.4").withCGroupVersion("2")
                .withSecurityOptions(List.of("name=seccomp,profile=builtin", "name=rootless", "name=cgroupns"))
                .withMemTotal(1L << 33));

        assertThat(rootless.privilegedPossible()).isFalse();
        assertThat(rootless.describe()).contains("privileged: not possible (name=seccomp,profile=builtin,"
                + "name=rootless,name=cgroupns)").contains("driver unknown");
    }

    @Test
    void anEmptyCgroupVersionIsAnOldDaemonOnV1() {
        assertThat(HostPreflight.of(new Info().withCGroupVersion("").withMemTotal(1L << 30)).cgroupV1()).isTrue();
    }

    @Test
    void theNodeLineAddsMemTotalInsideAndK3sCgroup() {
        HostPreflight ci = HostPreflight.of(CI);
        assertThat(ci.describe("rancher/k3s:v1.34.4-k3s1", 24_684_092L * 1024, "/squeeze-ab12c/k3s"))
                .startsWith("k3s preflight: Docker 20.10.24+dfsg1")
                .endsWith("; node rancher/k3s:v1.34.4-k3s1 started privileged, MemTotal inside = host, k3s (PID 1) in"
                        + " cgroup /squeeze-ab12c/k3s");
        assertThat(ci.describe("x", 1024, "/k3s")).contains("MemTotal inside 1024 bytes (differs from the host)");
    }

    @Test
    void rootlessDockerIsRefusedByNameWithTheWaysOut() {
        // GIVEN `docker info` of the rootless daemon .ci/rootless-up.sh starts on this project's CI machine
        HostPreflight rootless = DockerInfoFixtures.preflight("rootless-docker-20.10-cgroup-v1");

        // WHEN asked whether a node can start THEN no, naming rootless, rootful Docker and an existing cluster
        assertThat(rootless.rootless()).isTrue();
        assertThat(rootless.cgroupDriver()).isEqualTo("none");
        assertThat(rootless.refusal()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("Squeeze cannot start a k3s node on this Docker daemon: it runs rootless (`docker info`"
                        + " security options: name=seccomp,profile=default, name=rootless)")
                .contains("rootful Docker daemon").contains("-Dsqueeze.kubeconfig=/path/to/kubeconfig"));
    }

    @Test
    void rootlessPodmanAndUsernsRemapAreRefusedToo() {
        assertThat(DockerInfoFixtures.preflight("reconstructed-podman-5-rootless-cgroup-v2").refusal())
                .hasValueSatisfying(why -> assertThat(why).contains("it runs rootless").contains("Podman"));
        assertThat(DockerInfoFixtures.preflight("reconstructed-docker-20.10-userns-remap").refusal())
                .hasValueSatisfying(why -> assertThat(why).contains("remaps user namespaces (--userns-remap)")
                        .contains("-Dsqueeze.kubeconfig"));
    }

    @Test
    void rootfulDaemonsAreNotRefused() {
        assertThat(DockerInfoFixtures.preflight("rootful-docker-20.10-cgroup-v1-cgroupfs").refusal()).isEmpty();
        assertThat(DockerInfoFixtures.preflight("reconstructed-docker-28-ubuntu-24.04-cgroup-v2-systemd").refusal())
                .isEmpty();
        assertThat(DockerInfoFixtures.preflight("reconstructed-docker-20.10-cgroup-v1-systemd").refusal()).isEmpty();
    }
}
