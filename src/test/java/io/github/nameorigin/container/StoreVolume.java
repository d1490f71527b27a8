package io.github.nameorigin.container;

import java.util.UUID;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A named Docker volume for the model store, mounted on {@code /app/data/models} as a user would
 * mount it (docker-compose.yml): it outlives containers, and several can share it.
 */
final class StoreVolume implements AutoCloseable {

    /** Where the image keeps its model store. */
    static final String PATH = "/app/data/models";

    private final String name = "name-origin-it-models-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * Mounts the volume in a container (not yet started).
     *
     * @param container the container
     * @return the same container
     */
    GenericContainer<?> mount(GenericContainer<?> container) {
        return container.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withBinds(new Bind(name, new Volume(PATH))));
    }

    @Override
    public void close() {
        try {
            DockerClientFactory.instance().client().removeVolumeCmd(name).exec();
        } catch (RuntimeException e) {
            // a volume still in use (a container that did not stop) is left for docker volume prune
        }
    }
}
