import com.github.dockerjava.api.DockerClient;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.units.MemorySize;
import org.testcontainers.DockerClientFactory;

/**
 * The rootless phase's check (.ci/rootless.sh), against the rootless daemon in DOCKER_HOST: starting a node is refused
 * by name (rootless, rootful Docker, squeeze.kubeconfig) before any container exists on that daemon.
 *
 *   java -cp <squeeze-core + dependencies> .ci/RootlessRefusal.java
 */
public class RootlessRefusal {
    public static void main(String[] args) {
        DockerClient docker = DockerClientFactory.instance().client();
        int before = docker.listContainersCmd().withShowAll(true).exec().size();
        String message;
        try (ChaosCluster cluster = ChaosCluster.startK3s(NodeSpec.ofMemory(MemorySize.parse("2Gi")))) {
            throw new AssertionError("a k3s node started on a rootless daemon: " + cluster.nodeName());
        } catch (IllegalStateException e) {
            message = e.getMessage();
        }
        int after = docker.listContainersCmd().withShowAll(true).exec().size();
        System.out.println("refused: " + message);
        for (String expected : new String[] {"it runs rootless", "rootful Docker daemon", "-Dsqueeze.kubeconfig"}) {
            if (!message.contains(expected)) {
                throw new AssertionError("the refusal does not name '" + expected + "': " + message);
            }
        }
        if (after != before) {
            throw new AssertionError("containers on the rootless daemon went from " + before + " to " + after
                    + ": the refusal came after a container was created");
        }
        System.out.println("containers on the rootless daemon before and after: " + before + " and " + after);
    }
}
