package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Removes the {@code squeeze-*} cgroup v1 parents on the Docker host that no k3s container names any more. Docker
 * creates them for {@code --cgroup-parent} and never removes them. When this JVM runs on the Docker host it removes
 * them itself ({@link #local}); when it cannot see the host's {@code /sys/fs/cgroup} (Maven in a CI container with the
 * Docker socket mounted, a remote {@code DOCKER_HOST}), a short privileged container of the node's image does it,
 * with the host's cgroup tree mounted ({@link #remote}).
 *
 * <pre>{@code
 * CgroupSweep.remote(docker, "rancher/k3s:v1.34.4-k3s1")
 *         .sweep(Set.of("squeeze-h3f9a1c2e-4711-t5kx2p9-b7k2x"), failures);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class CgroupSweep {

    static final String LABEL = "dev.squeeze.cgroup-sweep";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final DockerClient docker;
    private final String image;

    private CgroupSweep(DockerClient docker, String image) {
        this.docker = docker;
        this.image = image;
    }

    /** A sweep run in a container of {@code image} (present on the daemon: the node's own image). */
    static CgroupSweep remote(DockerClient docker, String image) {
        return new CgroupSweep(docker, image);
    }

    /**
     * Removes, under {@code root}, every {@code squeeze-*} directory not in {@code keep}; those in {@code gone} (a
     * node was just removed) are retried while busy, the others (no node names them: an earlier leftover) get one try.
     *
     * @return the directories removed
     */
    static List<String> local(Path root, Set<String> keep, Set<String> gone, List<String> failures) {
        List<String> removed = new ArrayList<>();
        for (Path dir : Leftovers.ownedCgroupDirs(root)) {
            String name = dir.getFileName().toString();
            if (keep.contains(name)) {
                continue;
            }
            boolean expected = gone.contains(name);
            try {
                Leftovers.removeTree(dir, expected ? Leftovers.BUSY_RETRY : Duration.ZERO);
                removed.add(dir.toString());
            } catch (IOException e) {
                if (expected) {
                    failures.add("cgroup " + dir + ": " + e);
                }
            }
        }
        return removed;
    }

    /** The sweep's shell script: POSIX sh, rmdir deepest first, a few tries while a directory is busy. */
    static String script(Set<String> keep) {
        return "keep=' " + String.join(" ", keep) + " '\n"
                + "rmtree() { for c in \"$1\"/*/; do [ -d \"$c\" ] && rmtree \"${c%/}\"; done; "
                + "rmdir \"$1\" 2>/dev/null; }\n"
                + "for d in /sys/fs/cgroup/*/squeeze-*; do\n"
                + "  [ -d \"$d\" ] || continue\n"
                + "  case \"${d##*/}\" in squeeze-h????????-*-t*-*) ;; *) continue ;; esac\n"
                + "  case \"$keep\" in *\" ${d##*/} \"*) continue ;; esac\n"
                + "  i=0; while [ -d \"$d\" ] && [ $i -lt 5 ]; do\n"
                + "    rmtree \"$d\"; [ -d \"$d\" ] && sleep 1; i=$((i+1))\n"
                + "  done\n"
                + "  if [ -d \"$d\" ]; then echo \"busy $d\"; else echo \"removed $d\"; fi\n"
                + "done\n";
    }

    /** Runs {@link #script} in a privileged container with the host's cgroup tree; returns what it removed. */
    List<String> sweep(Set<String> keep, List<String> failures) {
        String id = null;
        try {
            id = docker.createContainerCmd(image).withEntrypoint("sh", "-c", script(keep)).withCmd(List.of())
                    .withLabels(Map.of(LABEL, "true"))
                    .withHostConfig(HostConfig.newHostConfig().withPrivileged(true).withCgroupnsMode("host")
                            .withBinds(new Bind("/sys/fs/cgroup", new Volume("/sys/fs/cgroup"), AccessMode.rw)))
                    .exec().getId();
            docker.startContainerCmd(id).exec();
            Integer status = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> removed = new ArrayList<>();
            for (String line : logs(id).lines().toList()) {
                if (line.startsWith("removed ")) {
                    removed.add(line.substring("removed ".length()) + " (on the Docker host)");
                } else if (line.startsWith("busy ")) {
                    failures.add("cgroup " + line.substring("busy ".length()) + " on the Docker host: still busy");
                }
            }
            if (status == null || status != 0) {
                failures.add("the cgroup sweep container (" + image + ") exited " + status);
            }
            return removed;
        } catch (RuntimeException e) {
            failures.add("could not sweep cgroup directories on the Docker host with a container of " + image + ": "
                    + e.getMessage());
            return List.of();
        } finally {
            if (id != null) {
                try {
                    docker.removeContainerCmd(id).withForce(true).exec();
                } catch (RuntimeException e) {
                    failures.add("could not remove the cgroup sweep container " + id + ": " + e.getMessage());
                }
            }
        }
    }

    private String logs(String id) {
        StringBuilder out = new StringBuilder();
        try (ResultCallback.Adapter<Frame> cb = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        synchronized (out) {
                            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                })) {
            cb.awaitCompletion(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException e) {
            // what was read is what there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            return out.toString();
        }
    }
}
