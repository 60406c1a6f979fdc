package fr.tissu.store.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;

/** The comparison arrays, read from a real TDB2 store: what goes where, and one read per indicator. */
class IndicatorValuesTest {
    private static final String BASE = "http://localhost:8080";
    private static final Ids IDS = new Ids(BASE);
    private static final String PREFIXES = """
            @prefix tissu: <https://w3id.org/tissu/ns#> .
            @prefix qb: <http://purl.org/linked-data/cube#> .
            @prefix sdmxd: <http://purl.org/linked-data/sdmx/2009/dimension#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix ind: <https://w3id.org/tissu/charter/indicator/> .
            @prefix origin: <https://w3id.org/tissu/origin/> .
            @prefix c: <http://localhost:8080/id/commune/> .
            """;

    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")));
        write("indicators-35", """
                <urn:o1> a qb:Observation ; sdmxd:refArea c:35238 ; tissu:indicator ind:1.1 ;
                    sdmxd:refPeriod "2025"^^xsd:gYear ; tissu:value 120 ; tissu:origin origin:declared .
                <urn:o2> a qb:Observation ; sdmxd:refArea c:35288 ; tissu:indicator ind:1.1 ;
                    sdmxd:refPeriod "2025"^^xsd:gYear ; tissu:value 40 ; tissu:origin origin:declared .
                <urn:o3> a qb:Observation ; sdmxd:refArea c:35238 ; tissu:indicator ind:1.1 ;
                    sdmxd:refPeriod "2024"^^xsd:gYear ; tissu:value 110 ; tissu:origin origin:declared .
                <urn:o4> a qb:Observation ; sdmxd:refArea c:35238 ; tissu:indicator ind:3.3 ;
                    sdmxd:refPeriod "2025"^^xsd:gYear ; tissu:value 7 ; tissu:origin origin:declared .
                """);
        write("computed", """
                <urn:o5> a qb:Observation ; sdmxd:refArea c:35238 ; tissu:indicator ind:1.1 ;
                    sdmxd:refPeriod "2025"^^xsd:gYear ; tissu:value 118 ; tissu:origin origin:computed .
                """);
        write("harvest-other-8080", """
                <urn:h1> a qb:Observation ; sdmxd:refArea c:35047 ; tissu:indicator ind:1.1 ;
                    sdmxd:refPeriod "2025"^^xsd:gYear ; tissu:value 30 ; tissu:origin origin:declared .
                <urn:h2> a qb:Observation ; sdmxd:refArea c:35238 ; tissu:indicator ind:1.1 ;
                    sdmxd:refPeriod "2025"^^xsd:gYear ; tissu:value 999 ; tissu:origin origin:declared .
                """);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void valuesGoToTheirCommuneYearAndOriginAndLocalOnesWinOverHarvestedOnes() {
        IndicatorValues.Values v = values().of("1.1");
        int rennes = IndicatorValues.Codes.INDEX.get("35238");
        int saintMalo = IndicatorValues.Codes.INDEX.get("35288");
        int bruz = IndicatorValues.Codes.INDEX.get("35047");
        double[][] y2025 = v.byYear().get(2025);
        assertEquals(Set.of(2024, 2025), v.byYear().keySet());
        assertEquals(120, y2025[0][rennes], "declared, the local value and not the harvested 999");
        assertFalse(v.harvested(2025, 0, rennes));
        assertEquals(118, y2025[1][rennes], "computed");
        assertEquals(40, y2025[0][saintMalo]);
        assertEquals(30, y2025[0][bruz]);
        assertTrue(v.harvested(2025, 0, bruz));
        assertTrue(Double.isNaN(y2025[1][saintMalo]), "no computed value for Saint-Malo");
        assertEquals(110, v.byYear().get(2024)[0][rennes]);
    }

    @Test
    void aCommunesValuesComeFromOneQueryBeforeTheWarmUpAndFromTheArraysAfter() {
        IndicatorValues values = values();
        var before = values.ofCommune(IDS.commune("35238").getURI());
        assertEquals(Set.of("1.1", "3.3"), before.keySet());
        assertEquals(7, before.get("3.3").byYear().get(2025)[0][IndicatorValues.Codes.INDEX.get("35238")]);
        values.warmUp(List.of("1.1", "3.3", "4.1"));
        var after = values.ofCommune(IDS.commune("35238").getURI());
        assertSame(values.of("1.1"), after.get("1.1"), "after the warm-up, the arrays themselves");
        assertTrue(after.get("4.1").byYear().isEmpty());
    }

    @Test
    void requestsAskingForTheSameIndicatorAtOnceShareOneRead() throws Exception {
        IndicatorValues values = values();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IndicatorValues.Values>> asked = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                asked.add(pool.submit(() -> values.of("1.1")));
            }
            IndicatorValues.Values first = asked.getFirst().get();
            assertNotNull(first);
            for (Future<IndicatorValues.Values> f : asked) {
                assertSame(first, f.get(), "every caller gets the one read's arrays");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private IndicatorValues values() {
        return new IndicatorValues(store, IDS.graph("harvest").getURI());
    }

    private void write(String graph, String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(g);
        try (GraphWriter w = store.replace(IDS.graph(graph))) {
            g.find().forEachRemaining(w::add);
            w.commit();
        }
    }
}
