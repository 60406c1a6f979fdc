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
 * The store contract on the Eclipse RDF4J project's own image (server and workbench, the release Tissu's client is
 * built on), where a Docker engine runs; skipped without one. Every machine runs the same contract on RDF4J Server
 * 5.0.3 from Maven Central ({@link RemoteStoreOnRdf4jServerTest}).
 */
@Testcontainers(disabledWithoutDocker = true)
class Rdf4jServerContainerTest extends AbstractStoreContractTest {
    @Container
    private static final GenericContainer<?> RDF4J = new GenericContainer<>(DockerImageName.parse(
            "eclipse/rdf4j-workbench:5.2.2")).withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/rdf4j-server/protocol").forStatusCode(200))
            .withStartupTimeout(Duration.ofMinutes(3));
    private static StoreConfig.Remote remote;

    @Override
    Store open() {
        if (remote == null) {
            String repository = "http://" + RDF4J.getHost() + ":" + RDF4J.getMappedPort(8080)
                    + "/rdf4j-server/repositories/tissu";
            LoopbackEngines.createRepository(repository, "openrdf:SailRepository", "openrdf:NativeStore");
            remote = StoreConfig.Remote.rdf4j(URI.create(repository), Map.of());
        }
        LoopbackEngines.update(remote.update(), "CLEAR ALL");
        return Store.create(StoreConfig.remote(remote));
    }

    /** RDF4J Server takes several default graphs as a bag. */
    @Override
    int matchesOfATripleInTwoGraphs() {
        return 2;
    }
}
