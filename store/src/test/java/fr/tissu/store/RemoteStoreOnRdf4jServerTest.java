package fr.tissu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on Eclipse RDF4J Server, through its REST API: graphs are replaced in the engine's transactions
 * (the path GraphDB takes too). Each test starts from an empty repository.
 */
class RemoteStoreOnRdf4jServerTest extends AbstractStoreContractTest {
    private static Rdf4jServerProcess server;

    @BeforeAll
    static void startServer() {
        server = Rdf4jServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** RDF4J Server takes several default graphs as a bag. */
    @Override
    int matchesOfATripleInTwoGraphs() {
        return 2;
    }

    @Override
    Store open() {
        server.update("CLEAR ALL");
        return Store.create(StoreConfig.remote(server.remote()));
    }

    /**
     * In one transaction, the graph and the data version change together: a reader asking for both in one query sees
     * each version with one size of the graph only (where the graph is uploaded first and the version bumped after,
     * a reader can see the new graph with the old version).
     */
    @Test
    void theGraphAndTheVersionChangeTogether() throws Exception {
        write(G1, many("v", 500));
        String q = "SELECT ?v (COUNT(?s) AS ?n) FROM NAMED <" + G1.getURI() + "> FROM NAMED <urn:tissu:store> { "
                + "GRAPH <urn:tissu:store> { <urn:tissu:store> <urn:tissu:version> ?v } GRAPH <" + G1.getURI()
                + "> { ?s ?p ?o } } GROUP BY ?v";
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int round = 1; round <= 6; round++) {
                    write(G1, many("r" + round, 500 + 700 * round));
                }
            } finally {
                writing.set(false);
            }
        });
        Map<Long, Set<Long>> sizes = new HashMap<>();
        int reads = 0;
        while (writing.get() || reads == 0) {
            store.select(q, T, row -> sizes.computeIfAbsent(row.getLiteral("v").getLong(), v -> new HashSet<>())
                    .add(row.getLiteral("n").getLong()));
            reads++;
        }
        writer.get(120, TimeUnit.SECONDS);
        sizes.forEach((version, seen) -> assertEquals(1, seen.size(), "version " + version + " was seen with "
                + seen + " triples"));
        assertTrue(sizes.size() >= 2, "the reader saw several versions in " + reads + " reads: " + sizes);
        assertEquals(500 + 700 * 6, count());
    }
}
