package fr.tissu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Store} implementation must have. */
abstract class AbstractStoreContractTest {
    static final Duration T = Duration.ofSeconds(10);
    static final Node G1 = NodeFactory.createURI("http://example.org/graph/1");
    static final Node G2 = NodeFactory.createURI("http://example.org/graph/2");
    static final Node P = NodeFactory.createURI("http://example.org/p");

    Store store;

    abstract Store open();

    @BeforeEach
    void setUp() {
        store = open();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static Triple t(String s, int o) {
        return Triple.create(NodeFactory.createURI("http://example.org/" + s), P,
                NodeFactory.createLiteralString(Integer.toString(o)));
    }

    /** {@code n} triples with subjects {@code prefix0} to {@code prefixN-1}. */
    static Triple[] many(String prefix, int n) {
        Triple[] triples = new Triple[n];
        for (int i = 0; i < n; i++) {
            triples[i] = t(prefix + i, i);
        }
        return triples;
    }

    void write(Node graph, Triple... triples) {
        try (GraphWriter w = store.replace(graph)) {
            for (Triple triple : triples) {
                w.add(triple);
            }
            w.commit();
        }
    }

    long count() {
        List<Long> n = new ArrayList<>();
        store.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", T, row -> n.add(row.getLiteral("n").getLong()));
        return n.get(0);
    }

    @Test
    void defaultGraphIsTheUnionOfNamedGraphs() {
        write(G1, t("a", 1), t("b", 2));
        write(G2, t("c", 3));
        assertEquals(3, count());
        assertTrue(store.ask("ASK { GRAPH <" + G2.getURI() + "> { <http://example.org/c> ?p ?o } }", T));
        assertTrue(store.graphs().containsAll(List.of(G1, G2)));
        assertTrue(store.ask("ASK { <http://example.org/a> ?p ?x . <http://example.org/c> ?q ?y }", T),
                "one pattern of the default graph matches triples of two graphs");
        assertFalse(store.ask("ASK { GRAPH <" + G1.getURI() + "> { <http://example.org/c> ?p ?o } }", T),
                "a named graph holds only its own triples");
    }

    /**
     * How many times the union matches a triple two graphs hold: once, by the SPARQL recommendation (the default
     * graph is their RDF merge). Virtuoso and RDF4J Server take several default graphs as a bag and say 2 (their
     * tests override this; the README says so); the day one of them merges, its test fails and the note can go.
     */
    int matchesOfATripleInTwoGraphs() {
        return 1;
    }

    @Test
    void aTripleInTwoGraphsIsInTheUnionOnce() {
        write(G1, t("a", 1), t("b", 2));
        write(G2, t("c", 3), t("a", 1));
        assertEquals(2 + matchesOfATripleInTwoGraphs(), count(), "a triple in two graphs is in the union "
                + matchesOfATripleInTwoGraphs() + " time(s)");
    }

    @Test
    void replaceSwapsTheWholeGraph() {
        write(G1, t("a", 1), t("b", 2));
        write(G1, t("z", 9));
        assertEquals(1, count());
        assertTrue(store.ask("ASK { <http://example.org/z> ?p \"9\" }", T));
    }

    @Test
    void replaceKeepsWhatTheOldGraphAlsoHad() {
        write(G1, t("a", 1), t("b", 2), t("c", 3));
        write(G1, t("b", 2), t("c", 3), t("d", 4));
        assertEquals(3, count());
        assertTrue(store.ask("ASK { GRAPH <" + G1.getURI() + "> { <http://example.org/b> ?p \"2\" . "
                + "<http://example.org/c> ?q \"3\" . <http://example.org/d> ?r \"4\" } }", T));
    }

    @Test
    void writerClosedWithoutCommitLeavesTheStoreAsItWas() {
        write(G1, t("a", 1));
        long version = store.version();
        try (GraphWriter w = store.replace(G1)) {
            w.add(t("x", 5));
            w.add(t("y", 6));
        }
        assertEquals(1, count());
        assertTrue(store.ask("ASK { <http://example.org/a> ?p ?o }", T));
        assertEquals(version, store.version());
    }

    @Test
    void readersSeeTheOldGraphUntilCommit() throws Exception {
        write(G1, t("a", 1));
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (GraphWriter w = store.replace(G1)) {
                w.add(t("n1", 1));
                w.add(t("n2", 2));
                added.countDown();
                await(checked);
                w.commit();
            }
        });
        assertTrue(added.await(10, TimeUnit.SECONDS));
        assertEquals(1, count(), "a reader during the write sees only the old graph");
        checked.countDown();
        writer.get(10, TimeUnit.SECONDS);
        assertEquals(2, count());
    }

    @Test
    void versionChangesWithEveryCommit() {
        long v0 = store.version();
        write(G1, t("a", 1));
        long v1 = store.version();
        store.drop(G1);
        assertTrue(v1 > v0);
        assertTrue(store.version() > v1);
        assertEquals(0, count());
        assertFalse(store.lastModified().isBefore(Instant.now().minusSeconds(60)));
    }

    @Test
    void longQueryIsCancelledAtItsTimeout() {
        Triple[] many = new Triple[300];
        for (int i = 0; i < many.length; i++) {
            many[i] = t("s" + i, i);
        }
        write(G1, many);
        long start = System.nanoTime();
        assertThrows(QueryTimeoutException.class, () -> store.select(
                "SELECT (COUNT(*) AS ?n) { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?s ?w }",
                Duration.ofMillis(300), row -> { }));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < 3000, "cancelled after " + elapsedMs + " ms");
    }

    @Test
    void anAnswerCutWhileStreamingEndsWithATimeoutNotAsIfComplete() {
        Triple[] many = new Triple[300];
        for (int i = 0; i < many.length; i++) {
            many[i] = t("s" + i, i);
        }
        write(G1, many);
        long[] rows = {0};
        long start = System.nanoTime();
        assertThrows(QueryTimeoutException.class, () -> store.select(
                "SELECT * { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }", Duration.ofMillis(500), row -> rows[0]++));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < 5000, "cut after " + elapsedMs + " ms");
        assertTrue(rows[0] < 27_000_000L, rows[0] + " rows");
    }

    @Test
    void executeRunsAParsedQueryAndRefusesFederation() {
        write(G1, t("a", 1), t("b", 2));
        long rows = store.execute(QueryFactory.create("SELECT * { ?s ?p ?o }"), T,
                qe -> {
                    long n = 0;
                    for (var rs = qe.execSelect(); rs.hasNext(); rs.next()) {
                        n++;
                    }
                    return n;
                });
        assertEquals(2, rows);
        Query federated = QueryFactory.create(
                "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }");
        assertThrows(RuntimeException.class, () -> store.execute(federated, T, qe -> qe.execSelect().hasNext()));
    }

    @Test
    void noQueryRunsCodeItNames() {
        write(G1, t("a", 1), t("b", 2));
        String f = "<java:fr.tissu.store.Tripwire>";
        List<String> queries = List.of(
                "SELECT * { ?s ?p ?o FILTER(" + f + "(?o) = 1) }",
                "SELECT (SUM(" + f + "(?o)) AS ?n) { ?s ?p ?o }",
                "SELECT ?s { ?s ?p ?o } ORDER BY " + f + "(?o)",
                "SELECT ?s (" + f + "(?o) AS ?x) { ?s ?p ?o }",
                "SELECT * { ?s <java:fr.tissu.store.Tripwire$Property> ?o }");
        Tripwire.RUNS.set(0);
        // the class resolves: ARQ would load and run it but for the store's registries
        assertEquals(1, new Tripwire().exec(org.apache.jena.sparql.expr.NodeValue.makeInteger(0)).getInteger()
                .intValue());
        Tripwire.RUNS.set(0);
        for (String q : queries) {
            try {
                store.select(q, T, row -> { });
            } catch (StoreException refused) {
                // a store may refuse the query instead of running it without the code (the remote store does)
            }
        }
        assertEquals(0, Tripwire.RUNS.get(), "code named by a query ran");
        // ARQ refuses scripts unless the JVM enables them (the endpoint's guard answers 400 before)
        assertThrows(RuntimeException.class, () -> store.select("SELECT (MAX(<http://jena.apache.org/ARQ/"
                + "jsFunction#f>(?o)) AS ?n) { ?s ?p ?o }", T, row -> { }));
        assertTrue(NoCodeFunctions.denied("JAVA:java.lang.Runtime"));
    }

    @Test
    void constructReturnsTriples() {
        write(G1, t("a", 1), t("b", 2));
        assertEquals(2, store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", T).size());
        assertEquals(1, store.construct("DESCRIBE <http://example.org/a>", T).size());
    }

    /**
     * Steps of two or more patterns that receive no row from the step before them answer nothing, not an error:
     * Jena 6.0.0's TDB2 planner threw "Peek iterator is already empty" on these shapes (upstream GH-3751, fixed in
     * 6.1.0), on an empty store and on one where the later patterns match.
     */
    @Test
    void queriesWhoseEarlierStepsMatchNothingAnswerWithoutError() {
        List<String> shapes = List.of(
                "SELECT * { ?a <p:p> ?b FILTER(?b != 1) ?b <p:q> ?c . ?c <p:r> ?d }",
                "SELECT * { ?a <p:p>+ ?b . ?b <p:q> ?c . ?c <p:r> ?d }",
                "SELECT * { GRAPH ?g { ?a <p:p> ?b } ?b <p:q> ?c . ?c <p:r> ?d }",
                "SELECT * { VALUES ?g { <" + G1.getURI() + "> <" + G2.getURI() + "> } GRAPH ?g { ?s a <p:C> } "
                        + "?s <p:q> ?id ; <p:r> ?name . OPTIONAL { ?s <p:x> ?x } }");
        for (int round = 0; round < 2; round++) {
            for (String query : shapes) {
                List<Object> rows = new ArrayList<>();
                store.select(query, T, rows::add);
                assertEquals(List.of(), rows, query);
            }
            Node o = NodeFactory.createURI("x:o");
            write(G1, Triple.create(NodeFactory.createURI("x:s"), NodeFactory.createURI("p:q"), o),
                    Triple.create(o, NodeFactory.createURI("p:r"), NodeFactory.createURI("x:z")));
        }
        assertFalse(store.ask("ASK { ?dsd <p:component>/<p:property> <p:measureType> ; <p:component>/<p:property> ?om ."
                + " ?om a <p:Measure> . ?obs <p:dataSet>/<p:structure> ?dsd ; <p:measureType> ?m ; ?om [] "
                + "FILTER(?om != ?m) }", T));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
