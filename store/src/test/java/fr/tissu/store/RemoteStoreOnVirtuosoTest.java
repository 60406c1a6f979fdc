package fr.tissu.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a second, independent engine: Debian's Virtuoso 7 on loopback. Skipped, saying so, where
 * Virtuoso is not installed ({@code .ci/run} installs it). Each test starts from an empty store: Tissu's graphs and
 * record are dropped, Virtuoso's own system graphs are left.
 */
class RemoteStoreOnVirtuosoTest extends AbstractStoreContractTest {
    private static VirtuosoProcess virtuoso;

    @BeforeAll
    static void startServer() {
        Assumptions.assumeTrue(VirtuosoProcess.installed(), "Virtuoso is not installed (apt-get install "
                + "virtuoso-opensource): the remote store is tested on Fuseki only");
        virtuoso = VirtuosoProcess.start();
    }

    @AfterAll
    static void stopServer() {
        if (virtuoso != null) {
            virtuoso.close();
        }
    }

    /** Virtuoso takes several default graphs as a bag. */
    @Override
    int matchesOfATripleInTwoGraphs() {
        return 2;
    }

    @Override
    Store open() {
        virtuoso.update("DROP SILENT GRAPH <" + G1.getURI() + "> ; DROP SILENT GRAPH <" + G2.getURI()
                + "> ; DROP SILENT GRAPH <urn:tissu:store>");
        return Store.create(StoreConfig.remote(virtuoso.remote()));
    }
}
