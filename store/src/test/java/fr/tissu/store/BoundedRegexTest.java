package fr.tissu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * REGEX and REPLACE on the embedded store: bounded by the query's timeout even within one match, and answering as
 * ARQ's own functions do (checked against plain ARQ on the same triples).
 */
class BoundedRegexTest {
    private static final Node G = NodeFactory.createURI("http://example.org/graph");
    private static final Node P = NodeFactory.createURI("http://example.org/p");
    private final List<Triple> triples = new ArrayList<>();
    private Store store;

    @BeforeEach
    void load() {
        String[][] values = {{"Judo Club", null}, {"judo pour enfants", "fr"}, {"Karaté $1", "fr"},
            {"JUDO\\x", null}, {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", null}, {"école", "fr"}};
        int i = 0;
        for (String[] v : values) {
            Node o = v[1] == null ? NodeFactory.createLiteralString(v[0]) : NodeFactory.createLiteralLang(v[0], v[1]);
            triples.add(Triple.create(NodeFactory.createURI("http://example.org/s" + i++), P, o));
        }
        triples.add(Triple.create(NodeFactory.createURI("http://example.org/n"), P,
                NodeFactory.createLiteralDT("12", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        store = Store.create(new StoreConfig("memory", null));
        try (GraphWriter w = store.replace(G)) {
            triples.forEach(w::add);
            w.commit();
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCatastrophicPatternStopsAtTheTimeout() {
        Query q = QueryFactory.create("SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"^(a+)+\\\\1$\")) }");
        long start = System.nanoTime();
        assertThrows(QueryTimeoutException.class, () -> store.execute(q, Duration.ofSeconds(1),
                qe -> ResultSetFormatter.consume(qe.execSelect())));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5_000, "the pattern ran " + ms + " ms past a 1 s timeout (ARQ's own REGEX: about a minute)");
        Query replace = QueryFactory.create("SELECT (REPLACE(?o, \"^(a+)+\\\\1$\", \"x\") AS ?r) { ?s ?p ?o }");
        start = System.nanoTime();
        assertThrows(QueryTimeoutException.class, () -> store.execute(replace, Duration.ofSeconds(1),
                qe -> ResultSetFormatter.consume(qe.execSelect())));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "REPLACE too");
    }

    @Test
    void answersAsArqsOwnFunctions() {
        Model model = ModelFactory.createDefaultModel();
        triples.forEach(t -> model.getGraph().add(t));
        Dataset plain = DatasetFactory.create(model);
        for (String q : List.of(
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"judo\")) } ORDER BY ?s",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"^JUDO\", \"i\")) } ORDER BY ?s",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"\\\\\\\\x\", \"q\")) } ORDER BY ?s",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(STR(?o), \"1\")) } ORDER BY ?s",
                "SELECT ?s { ?s ?p ?o FILTER(!REGEX(?o, \"é\")) } ORDER BY ?s",
                "SELECT ?s (REPLACE(?o, \"(j)udo\", \"$1iu-jitsu\", \"i\") AS ?r) { ?s ?p ?o } ORDER BY ?s",
                "SELECT ?s (REPLACE(?o, \"\\\\$1\", \"\\\\$2\", \"q\") AS ?r) { ?s ?p ?o } ORDER BY ?s",
                "SELECT ?s (REPLACE(?o, \"a*\", \"b\") AS ?r) { ?s ?p ?o } ORDER BY ?s",
                "SELECT ?s (REPLACE(?o, \"é\", \"e\") AS ?r) (LANG(REPLACE(?o, \"x\", \"y\")) AS ?l) { ?s ?p ?o } "
                        + "ORDER BY ?s",
                "SELECT ?s { ?s ?p ?o } ORDER BY DESC(REGEX(?o, \"a\")) ?s",
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(REGEX(?o, ?bad)) }")) {
            String expected;
            try (QueryExecution qe = QueryExecution.dataset(plain).query(q).build()) {
                expected = ResultSetFormatter.asText(qe.execSelect());
            }
            String actual = store.execute(QueryFactory.create(q), Duration.ofSeconds(10),
                    qe -> ResultSetFormatter.asText(qe.execSelect()));
            assertEquals(expected, actual, q);
        }
    }
}
