package fr.tissu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on the remote store, against a real SPARQL 1.1 server: the standalone Fuseki jar on loopback, in its
 * own JVM. Each test starts from an empty dataset.
 */
class RemoteStoreTest extends AbstractStoreContractTest {
    static FusekiProcess fuseki;

    @BeforeAll
    static void startServer() {
        fuseki = FusekiProcess.start();
    }

    @AfterAll
    static void stopServer() {
        fuseki.close();
    }

    @Override
    Store open() {
        fuseki.update("DROP ALL");
        return Store.create(StoreConfig.remote(engine()));
    }

    /** How the store reaches the engine. */
    StoreConfig.Remote engine() {
        return fuseki.remote();
    }

    /** The quads of the store's record in the engine's named graphs. */
    long recordQuads() {
        return 4;
    }

    @Test
    void readersNeverSeeHalfAGraph() throws Exception {
        write(G1, many("old", 2_000));
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int round = 0; round < 3; round++) {
                    write(G1, many("new" + round, 3_000));
                }
            } finally {
                writing.set(false);
            }
        });
        Set<Long> seen = new TreeSet<>();
        while (writing.get()) {
            seen.add(count());
        }
        writer.get(60, TimeUnit.SECONDS);
        seen.add(count());
        assertTrue(Set.of(2_000L, 3_000L).containsAll(seen), "a reader saw " + seen);
        assertEquals(3_000, count());
        assertEquals(3_000 + recordQuads(), fuseki.quads(), "nothing is left in the engine but the graph and record");
    }

    @Test
    void anAbandonedWriteLeavesNothingBehind() {
        write(G1, t("a", 1));
        long quads = fuseki.quads();
        try (GraphWriter w = store.replace(G1)) {
            for (Triple t : many("x", 1_000)) {
                w.add(t);
            }
            assertEquals(1_000, w.content().size(), "the content is readable before the commit");
            assertEquals(quads, fuseki.quads(), "and none of it is in the engine yet");
            assertEquals(1, count(), "nor in answers");
        }
        assertEquals(quads, fuseki.quads());
        assertEquals(1, count());
    }

    @Test
    void blankNodesKeepTheirIdentityAcrossTheUpload() {
        Node b = NodeFactory.createBlankNode();
        Node p = NodeFactory.createURI("http://example.org/q");
        write(G1, Triple.create(NodeFactory.createURI("http://example.org/a"), p, b),
                Triple.create(b, P, NodeFactory.createLiteralString("x")));
        assertTrue(store.ask("ASK { <http://example.org/a> <http://example.org/q> ?b . ?b <" + P.getURI()
                + "> \"x\" }", T));
    }

    @Test
    void everyQueryNamingCodeIsRefusedBeforeTheEngine() {
        for (String q : List.of(
                "SELECT * { ?s ?p ?o FILTER(<java:fr.tissu.store.Tripwire>(?o) = 1) }",
                "PREFIX j: <JAVA:fr.tissu.store.> SELECT (SUM(j:Tripwire(?o)) AS ?n) { ?s ?p ?o }",
                "SELECT ?s { ?s ?p ?o } ORDER BY <http://jena.apache.org/ARQ/jsFunction#f>(?o)",
                "SELECT * { ?s <java:fr.tissu.store.Tripwire$Property> ?o }",
                "SELECT * { { SELECT ?s { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } } }")) {
            StoreException e = assertThrows(StoreException.class, () -> store.select(q, T, row -> { }), q);
            assertTrue(e.getMessage().contains("code") || e.getMessage().contains("SERVICE"), e.getMessage());
        }
    }

    @Test
    void anUnreachableEngineFailsAtOnceWithItsAddress() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closed + "/ds";
        try (Store gone = Store.create(StoreConfig.remote(StoreConfig.Remote.of(URI.create(base + "/query"),
                URI.create(base + "/update"), URI.create(base + "/data"), Map.of())))) {
            long start = System.nanoTime();
            StoreException e = assertThrows(StoreException.class, () -> gone.select("SELECT * { ?s ?p ?o }", T,
                    row -> { }));
            assertTrue(e.getMessage().contains(base), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
            assertThrows(StoreException.class, () -> {
                try (GraphWriter w = gone.replace(G1)) {
                    w.add(t("a", 1));
                    w.commit();
                }
            });
            assertTrue(!gone.isReady());
        }
    }

    @Test
    void theStoresRecordIsSharedByEveryInstanceWithinThePollInterval() throws InterruptedException {
        StoreConfig.Remote r = engine();
        Duration poll = Duration.ofMillis(500);
        try (Store other = Store.create(StoreConfig.remote(r.withPoll(poll)))) {
            long before = other.version();
            write(G2, t("z", 1));
            assertEquals(before, other.version(), "another instance reads the store's record once per poll interval");
            Thread.sleep(poll.toMillis() + 100);
            assertEquals(store.version(), other.version(), "then it sees the new version");
            assertTrue(other.graphs().contains(G2));
            assertEquals(Optional.of(Set.of(G2)), other.changedSince(before), "and which graphs changed since");
            List<Long> n = new ArrayList<>();
            other.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", T, row -> n.add(row.getLiteral("n").getLong()));
            assertEquals(List.of(1L), n);
            long v = store.version();
            write(G1, t("a", 1));
            store.drop(G2);
            assertEquals(Optional.of(Set.of(G1, G2)), store.changedSince(v), "a dropped graph changed too");
            assertEquals(Optional.of(Set.of()), store.changedSince(store.version()));
        }
    }
}
