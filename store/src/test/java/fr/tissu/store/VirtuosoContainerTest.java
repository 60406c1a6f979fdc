package fr.tissu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The store contract on OpenLink's Virtuoso 7 image, where a Docker engine runs; skipped without one. Every machine
 * runs the same contract on Debian's Virtuoso 7 ({@link RemoteStoreOnVirtuosoTest}).
 */
@Testcontainers(disabledWithoutDocker = true)
class VirtuosoContainerTest extends AbstractStoreContractTest {
    private static final String DBA_PASSWORD = "tissu-test";
    @Container
    private static final GenericContainer<?> VIRTUOSO = new GenericContainer<>(DockerImageName.parse(
            "openlink/virtuoso-opensource-7:7.2.14")).withExposedPorts(8890)
            .withEnv("DBA_PASSWORD", DBA_PASSWORD).withEnv("VIRT_Parameters_ResultSetMaxRows", "2000000000")
            .waitingFor(Wait.forHttp("/sparql?query=ASK%20%7B%7D").forStatusCode(200))
            .withStartupTimeout(Duration.ofMinutes(3));
    private static StoreConfig.Remote remote;

    @Override
    Store open() {
        if (remote == null) {
            try {
                var granted = VIRTUOSO.execInContainer("isql", "1111", "dba", DBA_PASSWORD,
                        "exec=" + VirtuosoProcess.GRANTS);
                if (granted.getExitCode() != 0) {
                    throw new IllegalStateException("granting updates failed: " + granted.getStderr());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            remote = VirtuosoProcess.remoteAt("http://" + VIRTUOSO.getHost() + ":" + VIRTUOSO.getMappedPort(8890));
        }
        LoopbackEngines.update(remote.update(), "DROP SILENT GRAPH <" + G1.getURI() + "> ; DROP SILENT GRAPH <"
                + G2.getURI() + "> ; DROP SILENT GRAPH <urn:tissu:store>");
        return Store.create(StoreConfig.remote(remote));
    }

    /** Virtuoso takes several default graphs as a bag. */
    @Override
    int matchesOfATripleInTwoGraphs() {
        return 2;
    }
}
