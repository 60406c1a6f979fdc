package fr.tissu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index over a real TDB2 store: French analysis, facets, geo, paging, and never out of step with the store. */
class SearchIndexTest {
    static final Node ASSOCIATIONS = NodeFactory.createURI("http://ex.org/graph/rna");
    static final Node ACTIVITIES = NodeFactory.createURI("http://ex.org/graph/activites");
    static final String PREFIXES = """
            @prefix schema: <https://schema.org/> . @prefix dct: <http://purl.org/dc/terms/> .
            @prefix tissu: <https://w3id.org/tissu/ns#> . @prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
            @prefix rov: <http://www.w3.org/ns/regorg#> . @prefix theme: <https://w3id.org/tissu/theme/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    @TempDir
    Path dir;

    static void put(Store store, Node graph, String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(PREFIXES + turtle)).lang(Lang.TURTLE).parse(g);
        try (GraphWriter w = store.replace(graph)) {
            g.find().forEach(w::add);
            w.commit();
        }
    }

    static String association(String id, String name, String object, String theme, String status) {
        return "<http://ex.org/id/association/" + id + "> a schema:NGO ; dct:identifier \"" + id + "\" ; schema:name \""
                + name + "\" ; dct:description \"" + object + "\" ; dct:subject theme:" + theme
                + " ; tissu:commune <http://ex.org/id/commune/35238> ; rov:orgStatus <https://w3id.org/tissu/status/"
                + status + "> ; schema:foundingDate \"2001-05-04\"^^xsd:date .\n";
    }

    static String activity(String id, String name, String theme, String day, int min, int max, String price,
                           double lat, double lon) {
        return "<http://ex.org/id/activity/" + id + "> a tissu:Activity ; dct:identifier \"" + id + "\" ; schema:name \""
                + name + "\" ; dct:subject theme:" + theme + " ; tissu:commune <http://ex.org/id/commune/35238> ;"
                + " schema:eventSchedule [ schema:byDay schema:" + day + " ; schema:startTime \"17:00:00\"^^xsd:time ;"
                + " schema:endTime \"18:30:00\"^^xsd:time ] ;"
                + " schema:audience [ schema:suggestedMinAge " + min + " ; schema:suggestedMaxAge " + max + " ] ;"
                + " schema:offers [ schema:price " + price + " ] ; schema:isAccessibleForFree "
                + (price.equals("0") ? "true" : "false") + " ;"
                + " schema:location <http://ex.org/id/place/P" + id + "> .\n"
                + "<http://ex.org/id/place/P" + id + "> a schema:Place ; schema:name \"Gymnase\" ; geo:lat " + lat
                + " ; geo:long " + lon + " .\n";
    }

    Store sample() {
        Store store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")));
        put(store, ASSOCIATIONS, association("W1", "Judo club de l'Ouest", "Pratique du judo pour tous", "judo",
                "active")
                + association("W2", "Atelier numérique du quartier", "Aide aux démarches en ligne", "aide-numerique",
                        "active")
                + association("W3", "Les amis du théâtre", "Théâtre amateur", "theatre", "dissolved")
                + association("W4", "Football club des enfants", "Football", "football", "active"));
        put(store, ACTIVITIES, activity("A1", "Judo enfants", "judo", "Wednesday", 6, 10, "90", 48.11, -1.68)
                + activity("A2", "Judo adultes", "judo", "Monday", 18, 99, "120", 48.12, -1.67)
                + activity("A3", "Éveil musical", "musique", "Wednesday", 3, 6, "0", 48.20, -1.50));
        return store;
    }

    static SearchRequest text(String q) {
        return new SearchRequest(q, null, 10, null, null, false, List.of(), false);
    }

    static List<String> keys(SearchResult r) {
        List<String> keys = new ArrayList<>();
        r.hits().forEach(h -> keys.add(h.key()));
        return keys;
    }

    @Test
    void frenchAnalysisFoldsAccentsPluralsAndElisions() {
        assertEquals(Analysis.terms(Analysis.TEXT, "numérique"), Analysis.terms(Analysis.TEXT, "numerique"));
        assertEquals(Analysis.terms(Analysis.TEXT, "enfants"), Analysis.terms(Analysis.TEXT, "enfant"));
        assertEquals(Analysis.terms(Analysis.TEXT, "théâtre"), Analysis.terms(Analysis.TEXT, "l'théatres"));
        assertEquals(List.of(), Analysis.terms(Analysis.TEXT, "de la le"));
    }

    @Test
    void searchesWithFacetsGeoAndPaging() {
        try (Store store = sample(); SearchIndex index = SearchIndex.open(dir.resolve("search"))) {
            assertTrue(index.sync(store));
            assertEquals(store.version(), index.version());
            assertEquals(4 + 3 + 3, index.size(), "4 associations, 3 activities, 3 places");
            assertEquals("W2", keys(index.search(text("aide numerique"))).get(0));
            assertEquals("W3", keys(index.search(text("theatres"))).get(0));
            assertEquals("W4", keys(index.search(text("footbal"))).get(0), "one typo");
            List<String> judo = keys(index.search(text("judo enfant")));
            assertEquals("A1", judo.get(0), judo.toString());
            assertTrue(keys(index.search(text("sport"))).containsAll(List.of("W1", "W4", "A1", "A2")),
                    "a field's word finds its practices");

            SearchResult faceted = index.search(new SearchRequest("judo", null, 10, null, null, false,
                    List.of(Fields.TYPE, Fields.DAY, Fields.AGE_BAND), false));
            assertEquals(3, faceted.total());
            assertTrue(faceted.facets().get(Fields.TYPE).contains(new SearchResult.FacetCount("activity", 2)));
            assertTrue(faceted.facets().get(Fields.TYPE).contains(new SearchResult.FacetCount("association", 1)));
            assertTrue(faceted.facets().get(Fields.DAY).contains(new SearchResult.FacetCount("wed", 1)));

            SearchResult near = index.search(new SearchRequest("", new TermQuery(new Term(Fields.TYPE, "activity")), 10,
                    null, new double[] {48.20, -1.50}, true, List.of(), false));
            assertEquals(List.of("A3", "A2", "A1"), keys(near));
            assertTrue(near.hits().get(0).distance() < 1);

            SearchResult page1 = index.search(new SearchRequest("", null, 4, null, null, false, List.of(), false));
            assertEquals(10, page1.total());
            assertNotNull(page1.next());
            SearchResult page2 = index.search(new SearchRequest("", null, 4, page1.next(), null, false, List.of(),
                    false));
            SearchResult page3 = index.search(new SearchRequest("", null, 4, page2.next(), null, false, List.of(),
                    false));
            assertNull(page3.next());
            List<String> all = new ArrayList<>(keys(page1));
            all.addAll(keys(page2));
            all.addAll(keys(page3));
            assertEquals(10, new HashSet<>(all).size(), all.toString());

            SearchResult marked = index.search(new SearchRequest("judo", null, 1, null, null, false, List.of(), true));
            assertTrue(marked.hits().get(0).highlights().get("name").contains("<mark>Judo</mark>"),
                    marked.hits().get(0).highlights().toString());
            assertEquals("Atelier numérique du quartier", index.suggest("atel nu", null, 5).get(0).name());
        }
    }

    @Test
    void aLoadUpdatesItsGraphOnly() {
        try (Store store = sample(); SearchIndex index = SearchIndex.open(dir.resolve("search"))) {
            index.sync(store);
            long before = store.version();
            put(store, ACTIVITIES, activity("A9", "Yoga du soir", "yoga", "Friday", 18, 99, "50", 48.1, -1.6));
            index.update(store, List.of(ACTIVITIES), before).close();
            assertEquals(store.version(), index.version());
            assertEquals(List.of(), keys(index.search(text("judo enfant"))));
            assertEquals(List.of("A9"), keys(index.search(text("yoga"))));
            assertEquals("W1", keys(index.search(text("judo"))).get(0), "the other graph is untouched");

            // an organiser renamed: the activities' documents follow (they carry its name)
            put(store, ACTIVITIES, activity("A9", "Yoga du soir", "yoga", "Friday", 18, 99, "50", 48.1, -1.6)
                    .replace(" ; dct:subject", " ; schema:organizer <http://ex.org/id/association/W1> ; dct:subject"));
            put(store, ASSOCIATIONS, association("W1", "Club des pratiques orientales", "Judo", "judo", "active"));
            index.sync(store);
            before = store.version();
            put(store, ASSOCIATIONS, association("W1", "Zanshin dojo", "Judo", "judo", "active"));
            index.update(store, List.of(ASSOCIATIONS), before).close();
            assertEquals(List.of("A9"), keys(index.search(new SearchRequest("zanshin", new TermQuery(new Term(
                    Fields.TYPE, "activity")), 10, null, null, false, List.of(), false))));

            before = store.version();
            store.drop(ACTIVITIES);
            index.update(store, List.of(ACTIVITIES), before).close();
            assertEquals(List.of(), keys(index.search(text("yoga"))));
        }
    }

    @Test
    void aCrashBetweenStoreAndIndexCommitIsRepairedAtStart() {
        Path search = dir.resolve("search");
        try (Store store = sample()) {
            try (SearchIndex index = SearchIndex.open(search)) {
                index.sync(store);
            }
            // The store commits a load, then the process dies before the index follows.
            put(store, ACTIVITIES, activity("A9", "Yoga du soir", "yoga", "Friday", 18, 99, "50", 48.1, -1.6));
            try (SearchIndex index = SearchIndex.open(search)) {
                assertTrue(index.version() < store.version());
                assertTrue(index.sync(store), "a mismatch rebuilds");
                assertEquals(List.of("A9"), keys(index.search(text("yoga"))));
                assertEquals(List.of(), keys(index.search(text("judo enfant"))), "no stale document");
                assertFalse(index.sync(store), "in step: nothing to do");
            }
        }
    }

    @Test
    void whatACrashedLoadCommittedReachesTheChangeFeed() {
        Path search = dir.resolve("search");
        try (Store store = sample()) {
            try (SearchIndex index = SearchIndex.open(search)) {
                index.sync(store);
            }
            // a load commits a new activities graph, and the process dies before the index and the feed follow;
            // then the next run publishes the associations
            put(store, ACTIVITIES, activity("A9", "Yoga du soir", "yoga", "Friday", 18, 99, "50", 48.1, -1.6));
            try (SearchIndex index = SearchIndex.open(search)) {
                long before = store.version();
                List<Change> changes = listed(index.update(store, List.of(ASSOCIATIONS), before));
                List<String> seen = changes.stream().map(c -> c.change() + " " + c.key()).sorted().toList();
                assertTrue(seen.contains("added A9"), seen.toString());
                assertTrue(seen.stream().anyMatch(c -> c.startsWith("removed A")), seen.toString());
                assertEquals(store.version(), index.version());
                assertEquals(List.of(), listed(index.catchUp(store)), "in step: nothing more");
            }
            put(store, ACTIVITIES, activity("A9", "Yoga du matin", "yoga", "Friday", 18, 99, "50", 48.1, -1.6));
            try (SearchIndex index = SearchIndex.open(search)) {
                assertEquals(List.of("modified A9"), listed(index.catchUp(store)).stream()
                        .map(c -> c.change() + " " + c.key()).toList(), "the start of the next run records it");
            }
        }
    }

    /** The changes of an update, their temporary file deleted. */
    private static List<Change> listed(Changes changes) {
        try (changes) {
            return changes.list();
        }
    }
}
