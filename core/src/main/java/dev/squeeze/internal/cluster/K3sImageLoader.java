package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Side-loads local Docker images into k3s's containerd: {@code docker save} through the Docker API,
 * copy the tarball into the node, {@code ctr -n k8s.io images import}. Testcontainers 2.0's {@code K3sContainer}
 * has no such method, so this does what its later versions and k3d do.
 */
@API(status = INTERNAL, since = "0.1")
public final class K3sImageLoader {

    private static final String TARBALL = "/tmp/squeeze-image.tar";

    private K3sImageLoader() {
    }

    static void load(DockerClient docker, K3sContainer node, List<String> images, Logger log) {
        for (String image : images) {
            long start = System.nanoTime();
            Path tar = save(docker, image);
            try {
                node.copyFileToContainer(MountableFile.forHostPath(tar), TARBALL);
                ExecResult r = node.execInContainer("ctr", "-n", "k8s.io", "images", "import", TARBALL);
                node.execInContainer("rm", "-f", TARBALL);
                if (r.getExitCode() != 0) {
                    throw new IllegalStateException("could not import image '" + image + "' into k3s: `ctr -n k8s.io"
                            + " images import` exited " + r.getExitCode() + ": " + r.getStderr().strip());
                }
                log.info("k3s: loaded image {} ({} MiB) in {} ms", image, Files.size(tar) >> 20,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                throw new IllegalStateException("could not load image '" + image + "' into k3s: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading image '" + image + "'", e);
            } finally {
                try {
                    Files.deleteIfExists(tar);
                } catch (IOException e) {
                    log.debug("could not delete {}", tar, e);
                }
            }
        }
    }

    private static Path save(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new IllegalArgumentException("image '" + image + "' is not in the local Docker daemon, so it cannot"
                    + " be loaded into k3s; build or pull it first (`docker pull " + image + "`)", e);
        }
        try {
            Path tar = Files.createTempFile("squeeze-image-", ".tar");
            DockerImageName name = DockerImageName.parse(image);
            try (InputStream in = docker.saveImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).exec()) {
                Files.copy(in, tar, StandardCopyOption.REPLACE_EXISTING);
            }
            return tar;
        } catch (IOException e) {
            throw new IllegalStateException("could not `docker save " + image + "`: " + e.getMessage(), e);
        }
    }
}
