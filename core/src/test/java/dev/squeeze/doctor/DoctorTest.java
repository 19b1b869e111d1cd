package dev.squeeze.doctor;

import com.github.dockerjava.api.model.Info;
import dev.squeeze.internal.cluster.HostPreflight;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The doctor's verdicts on recorded and reconstructed {@code docker info} (src/test/resources/docker-info/). */
class DoctorTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();
    private static final Map<String, Boolean> IMAGES = Map.of("rancher/k3s:v1.34.4-k3s1", true);

    private static Info info(String name) throws IOException {
        try (InputStream in = DoctorTest.class.getClassLoader().getResourceAsStream("docker-info/" + name + ".json")) {
            return JSON.readValue(in, Info.class);
        }
    }

    private static HostFacts onTheHost(String fixture, long hostSwap) throws IOException {
        Info info = info(fixture);
        return new HostFacts("unix:///var/run/docker.sock", HostPreflight.of(info), "",
                Boolean.TRUE.equals(info.getSwapLimit()), true, "this JVM runs on the Docker host", hostSwap, true,
                IMAGES);
    }

    private static DoctorLine line(List<DoctorLine> lines, String check) {
        return lines.stream().filter(l -> l.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void thisProjectsCiMachineIsOkThroughout() throws IOException {
        // GIVEN the recorded rootful daemon of the CI machine, the JVM on its host, no swap
        List<DoctorLine> lines = Doctor.judge(onTheHost("rootful-docker-20.10-cgroup-v1-cgroupfs", 0));

        // THEN every line is ok
        assertThat(lines).extracting(DoctorLine::status).containsOnly(DoctorLine.Status.OK);
        assertThat(lines).extracting(DoctorLine::check)
                .containsExactly("docker", "cgroup", "swap", "privileged", "host files", "psi", "image");
        assertThat(line(lines, "docker").format()).isEqualTo("docker     ok: Docker 20.10.24+dfsg1 at"
                + " unix:///var/run/docker.sock (Debian GNU/Linux 12 (bookworm), kernel 6.18.44-fc-v1300), rootful");
    }

    @Test
    void rootlessDockerWillFailNamingRootlessAndTheWaysOut() throws IOException {
        List<DoctorLine> lines = Doctor.judge(onTheHost("rootless-docker-20.10-cgroup-v1", 0));

        assertThat(line(lines, "docker").status()).isEqualTo(DoctorLine.Status.WILL_FAIL);
        assertThat(line(lines, "docker").text()).contains("it runs rootless", "rootful Docker daemon",
                "-Dsqueeze.kubeconfig");
        assertThat(line(lines, "privileged").status()).isEqualTo(DoctorLine.Status.WILL_FAIL);
        assertThat(line(lines, "cgroup").text()).startsWith("cgroup v1, driver none");
    }

    @Test
    void noSwapAccountingWillFailWhenTheHostHasSwapAndIsDegradedWhenUnknown() throws IOException {
        HostFacts withSwap = onTheHost("reconstructed-docker-28-cgroup-v2-no-swap-limit", 1L << 30);
        HostFacts unseen = new HostFacts("tcp://docker:2375", withSwap.preflight(), "", false, false,
                "the daemon is remote (tcp://docker:2375)", null, null, IMAGES);

        DoctorLine known = line(Doctor.judge(withSwap), "swap");
        List<DoctorLine> remote = Doctor.judge(unseen);

        assertThat(known.status()).isEqualTo(DoctorLine.Status.WILL_FAIL);
        assertThat(known.text()).contains("the host has 1.00 GiB of swap", "MemoryWall.PHYSICAL node fails its start",
                "swapoff -a");
        assertThat(line(remote, "swap").status()).isEqualTo(DoctorLine.Status.DEGRADED);
        assertThat(line(remote, "host files").format()).startsWith("host files degraded: the daemon is remote"
                + " (tcp://docker:2375): the wall's memory and PSI readings go through docker exec");
        assertThat(line(remote, "psi").status()).isEqualTo(DoctorLine.Status.DEGRADED);
    }

    @Test
    void theSystemdDriverOnV1IsOkAsASlice() throws IOException {
        DoctorLine cgroup = line(Doctor.judge(onTheHost("reconstructed-docker-20.10-cgroup-v1-systemd", 0)), "cgroup");

        assertThat(cgroup.status()).isEqualTo(DoctorLine.Status.OK);
        assertThat(cgroup.text()).contains("the wall is the slice squeeze-<id>.slice");
    }

    @Test
    void anUnreachableDaemonWillFailWithTheFix() {
        List<DoctorLine> lines = Doctor.judge(HostFacts.unreachable("unix:///var/run/docker.sock", "connection refused"));

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.format()).isEqualTo("docker     will fail: no"
                + " Docker daemon answered at unix:///var/run/docker.sock: connection refused. Fix: start Docker or"
                + " point DOCKER_HOST at it; or run on an existing cluster with -Dsqueeze.kubeconfig=/path/to/kubeconfig"));
    }

    @Test
    void aMissingImageIsDegradedNotFatal() throws IOException {
        HostFacts f = onTheHost("rootful-docker-20.10-cgroup-v1-cgroupfs", 0);
        HostFacts missing = new HostFacts(f.dockerHost(), f.preflight(), "", true, true, f.hostFilesWhy(), 0L, true,
                Map.of("eclipse-temurin:25-jre", false));

        assertThat(line(Doctor.judge(missing), "image").format()).isEqualTo("image      degraded: eclipse-temurin:25-jre"
                + " not present locally: pulled at the first start (needs a registry; on an air-gapped runner"
                + " `docker load` it first)");
    }
}
