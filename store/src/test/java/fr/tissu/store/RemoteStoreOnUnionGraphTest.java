package fr.tissu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The contract on Fuseki again, with the engine's own union of named graphs ({@code urn:x-arq:UnionGraph}) as the
 * default graph of queries: the store's record then lives in the engine's default graph, out of that union.
 */
class RemoteStoreOnUnionGraphTest extends RemoteStoreTest {
    @Override
    StoreConfig.Remote engine() {
        return fuseki.remote().withUnionGraph("urn:x-arq:UnionGraph");
    }

    @Override
    long recordQuads() {
        return 0;
    }

    @Test
    void theRecordIsInTheEnginesDefaultGraphAndOutOfAnswers() {
        write(G1, t("a", 1), t("b", 2));
        write(G2, t("c", 3));
        assertEquals(3, fuseki.quads(), "the engine's named graphs hold the data only");
        assertEquals(6, fuseki.count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
                "its default graph holds the record: version, last write, two graphs, each graph's write");
        assertEquals(3, count(), "a query sees the data, not the record");
        List<String> graphs = new ArrayList<>();
        store.select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", T,
                row -> graphs.add(row.getResource("g").getURI()));
        assertEquals(List.of(G1.getURI(), G2.getURI()), graphs, "GRAPH ?g ranges over Tissu's graphs");
        assertEquals(2, store.version());
    }
}
