package fr.tissu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replaced graph is written in sorted chunks by index-writer threads: whatever the number of chunks and threads,
 * every one of the six quad indexes must end with exactly the graph's quads, on disk, and an abandoned write must
 * leave all six as they were.
 */
class SortedQuadWriterTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final Node G = NodeFactory.createURI("http://example.org/graph/big");
    private static final Node OTHER = NodeFactory.createURI("http://example.org/graph/other");
    private static final int CHUNK = 1000;

    @TempDir
    Path dir;

    /** Quad {@code i} of a round: subjects, predicates and objects spread so that every index order differs. */
    private static Triple quad(String round, int i) {
        return Triple.create(NodeFactory.createURI("http://example.org/s/" + round + "/" + (i * 7919 % 10_007)),
                NodeFactory.createURI("http://example.org/p/" + (i % 13)),
                i % 3 == 0 ? NodeFactory.createLiteralString("v" + (i % 501))
                        : NodeFactory.createURI("http://example.org/o/" + (i % 997)));
    }

    private static void fill(GraphWriter w, String round, int n) {
        for (int i = 0; i < n; i++) {
            w.add(quad(round, i));
        }
    }

    @ParameterizedTest(name = "{0} index writer(s)")
    @ValueSource(ints = {1, 2, 3, 6})
    void everyIndexHoldsExactlyTheGraphAfterManyChunks(int threads) {
        Path location = dir.resolve("tdb2");
        try (Store store = new Tdb2Store(location, threads, CHUNK)) {
            write(store, OTHER, "other", 50);
            try (GraphWriter w = store.replace(G)) {
                fill(w, "one", 4_321);
                assertEquals(4_321, w.content().size(), "content() shows what was added so far");
                fill(w, "one", 10_500); // repeats the first 4,321 quads: still one record each
                w.commit();
            }
            assertEquals(10_550, union(store));
        }
        assertEveryIndexHolds(location, 10_550); // reopened from disk
    }

    @ParameterizedTest(name = "{0} index writer(s)")
    @ValueSource(ints = {1, 2, 6})
    void replacingAndDroppingAGraphOfManyChunksRemovesItFromEveryIndex(int threads) {
        Path location = dir.resolve("tdb2");
        try (Store store = new Tdb2Store(location, threads, CHUNK)) {
            write(store, OTHER, "other", 50);
            write(store, G, "one", 5_500);
            write(store, G, "two", 3_333); // shares predicates and objects with "one", not subjects
            assertEquals(3_383, union(store));
            assertTrue(store.ask("ASK { GRAPH <" + G.getURI() + "> { <http://example.org/s/two/0> ?p ?o } }", T));
            assertTrue(!store.ask("ASK { GRAPH ?g { <http://example.org/s/one/0> ?p ?o } }", T));
        }
        assertEveryIndexHolds(location, 3_383);
        try (Store store = new Tdb2Store(location, threads, CHUNK)) {
            store.drop(G);
            assertEquals(50, union(store));
        }
        assertEveryIndexHolds(location, 50);
    }

    @ParameterizedTest(name = "{0} index writer(s)")
    @ValueSource(ints = {1, 2})
    void anAbandonedWriteOfManyChunksLeavesEveryIndexAsItWas(int threads) throws Exception {
        Path location = dir.resolve("tdb2");
        try (Store store = new Tdb2Store(location, threads, CHUNK)) {
            write(store, G, "old", 2_500);
            long version = store.version();
            CountDownLatch added = new CountDownLatch(1);
            CountDownLatch seen = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (GraphWriter w = store.replace(G)) {
                    fill(w, "new", 7_777);
                    w.content();
                    added.countDown();
                    await(seen);
                    // closed without commit
                }
            });
            assertTrue(added.await(30, TimeUnit.SECONDS));
            assertEquals(2_500, union(store), "a reader during the write sees the old graph whole");
            seen.countDown();
            writer.get(30, TimeUnit.SECONDS);
            assertEquals(2_500, union(store));
            assertEquals(version, store.version());
        }
        assertEveryIndexHolds(location, 2_500);
    }

    @ParameterizedTest(name = "{0} index writer(s)")
    @ValueSource(ints = {1, 2})
    void chunksOfSeveralGraphsAreSortedForEachIndex(int threads) {
        Path location = dir.resolve("tdb2");
        Dataset dataset = TDB2Factory.connectDataset(location.toString());
        try {
            Txn.executeWrite(dataset, () -> {
                try (SortedQuadWriter quads = new SortedQuadWriter(dataset.asDatasetGraph(), threads, CHUNK)) {
                    for (int i = 0; i < 3_500; i++) { // graphs alternate within every chunk
                        quads.add(i % 2 == 0 ? G : OTHER, quad("mixed", i));
                    }
                    quads.flush();
                }
            });
        } finally {
            dataset.close();
            TDBInternal.expel(dataset.asDatasetGraph());
        }
        assertEveryIndexHolds(location, 3_500);
    }

    private static void write(Store store, Node graph, String round, int n) {
        try (GraphWriter w = store.replace(graph)) {
            fill(w, round, n);
            w.commit();
        }
    }

    private static long union(Store store) {
        List<Long> n = new ArrayList<>();
        store.select("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", T,
                row -> n.add(row.getLiteral("n").getLong()));
        return n.get(0);
    }

    private static void assertEveryIndexHolds(Path location, long quads) {
        Dataset dataset = TDB2Factory.connectDataset(location.toString());
        try {
            Txn.executeRead(dataset, () -> {
                var table = TDBInternal.getDatasetGraphTDB(dataset.asDatasetGraph()).getQuadTable()
                        .getNodeTupleTable().getTupleTable();
                Set<Tuple<NodeId>> first = null;
                for (TupleIndex index : table.getIndexes()) {
                    Set<Tuple<NodeId>> held = new HashSet<>();
                    index.all().forEachRemaining(held::add); // in the quads' own order, whatever the index's
                    assertEquals(quads, held.size(), "quads in index " + index.getName());
                    assertTrue(first == null || first.equals(held), "the same quads in index " + index.getName());
                    first = held;
                }
            });
        } finally {
            dataset.close();
            TDBInternal.expel(dataset.asDatasetGraph());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
