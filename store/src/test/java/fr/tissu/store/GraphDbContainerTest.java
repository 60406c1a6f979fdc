package fr.tissu.store;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The store contract on Ontotext GraphDB (free edition, its published image), through the RDF4J REST API and its
 * transactions, where a Docker engine runs; skipped without one. GraphDB is on neither Maven Central nor Debian, so
 * this is the one test of it; the RDF4J REST API path it takes is the one {@link RemoteStoreOnRdf4jServerTest} runs
 * on every machine.
 */
@Testcontainers(disabledWithoutDocker = true)
class GraphDbContainerTest extends AbstractStoreContractTest {
    @Container
    private static final GenericContainer<?> GRAPHDB = new GenericContainer<>(DockerImageName.parse(
            "ontotext/graphdb:10.8.5")).withExposedPorts(7200)
            .waitingFor(Wait.forHttp("/rest/repositories").forStatusCode(200))
            .withStartupTimeout(Duration.ofMinutes(3));
    private static StoreConfig.Remote remote;

    @Override
    Store open() {
        if (remote == null) {
            String repository = "http://" + GRAPHDB.getHost() + ":" + GRAPHDB.getMappedPort(7200)
                    + "/repositories/tissu";
            LoopbackEngines.createRepository(repository, "graphdb:SailRepository", "graphdb:Sail");
            remote = StoreConfig.Remote.rdf4j(URI.create(repository), Map.of());
        }
        LoopbackEngines.update(remote.update(), "CLEAR ALL");
        return Store.create(StoreConfig.remote(remote));
    }
}
