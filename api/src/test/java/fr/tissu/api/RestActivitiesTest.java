package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.Themes;
import fr.tissu.loader.FileReport;
import fr.tissu.loader.Loader;
import fr.tissu.loader.sample.SampleGenerator;
import fr.tissu.vocabulary.Vocabulary;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The activities of the REST API on a real server over the sample data, checked against the store. */
@ServerTest
@Tag(SharedSample.TAG)
class RestActivitiesTest {
    static Instance tissu;
    private final RestClient rest;

    RestActivitiesTest(Http1Client client) {
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        Main.server(server, tissu);
    }

    JsonNode get(String pathAndQuery) {
        return rest.ok(pathAndQuery);
    }

    long sparqlCount(String where) {
        long[] n = {0};
        tissu.store().select("PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/> "
                + "PREFIX tissu: <https://w3id.org/tissu/ns#> SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { " + where + " }",
                Duration.ofSeconds(30), r -> n[0] = r.getLiteral("n").getLong());
        return n[0];
    }

    @Test
    void listsEveryActivityInPagesWithATotal() {
        JsonNode first = get("/api/v1/activities");
        assertEquals(4000, first.path("total").asInt());
        assertEquals(20, first.path("items").size());
        assertTrue(first.path("links").path("next").asText().contains("after="));
        Set<String> seen = new HashSet<>();
        String next = "/api/v1/activities?limit=500";
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next);
            page.path("items").forEach(i -> assertTrue(seen.add(i.path("identifier").asText()), "repeated " + i));
            next = page.path("links").has("next") ? page.path("links").path("next").asText() : null;
            pages++;
        }
        assertEquals(4000, seen.size());
        assertEquals(8, pages);
    }

    @Test
    void filtersAgreeWithTheStore() {
        JsonNode judo = get("/api/v1/activities?theme=judo&age=8&day=wed&max-price=100&limit=500");
        long expected = sparqlCount("?a a tissu:Activity ; dct:subject <https://w3id.org/tissu/theme/judo> ; "
                + "schema:eventSchedule/schema:byDay schema:Wednesday ; schema:audience ?au . "
                + "OPTIONAL { ?au schema:suggestedMinAge ?min } OPTIONAL { ?au schema:suggestedMaxAge ?max } "
                + "OPTIONAL { ?a schema:offers/schema:price ?price } OPTIONAL { ?a schema:isAccessibleForFree ?free } "
                + "FILTER((!BOUND(?min) || ?min <= 8) && (!BOUND(?max) || ?max >= 8)) "
                + "FILTER(COALESCE(?free, false) || (BOUND(?price) && ?price <= 100))");
        assertTrue(expected > 0, "the sample must have such activities");
        assertEquals(expected, judo.path("total").asLong());
        for (JsonNode item : judo.path("items")) {
            assertTrue(item.path("schedule").path("days").toString().contains("wednesday"));
            assertTrue(item.path("free").asBoolean() || item.path("price").asDouble() <= 100);
        }
    }

    @Test
    void aThemeIncludesItsSubThemes() {
        JsonNode sport = get("/api/v1/activities?theme=sport&limit=500");
        JsonNode judo = get("/api/v1/activities?theme=judo");
        Set<String> sports = Themes.withDescendants("sport").orElseThrow();
        assertTrue(sport.path("total").asInt() > judo.path("total").asInt());
        assertEquals(sparqlCount("?a a tissu:Activity ; dct:subject ?t . ?t <http://www.w3.org/2004/02/skos/core#broader>* "
                + "<https://w3id.org/tissu/theme/sport>"), sport.path("total").asLong());
        sport.path("items").forEach(i -> assertTrue(sports.contains(i.path("themes").get(0).asText()), i.toString()));
    }

    @Test
    void nearSortsByDistanceWithinTheRadius() {
        JsonNode near = get("/api/v1/activities?near=48.1115,-1.6800&radius=1500&limit=500");
        assertTrue(near.path("total").asInt() > 0);
        long last = -1;
        for (JsonNode item : near.path("items")) {
            long d = item.path("distance").asLong();
            assertTrue(d <= 1500 && d >= last, "distance " + d);
            last = d;
        }
    }

    @Test
    void upcomingActivitiesHaveANextOccurrence() {
        JsonNode upcoming = get("/api/v1/activities?when=upcoming&limit=50");
        assertTrue(upcoming.path("total").asInt() > 0);
        upcoming.path("items").forEach(i -> assertFalse(LocalDate.parse(i.path("nextOccurrence").asText())
                .isBefore(LocalDate.now())));
    }

    @Test
    void fieldsProjectAndSortOrders() {
        JsonNode page = get("/api/v1/activities?fields=title,price&sort=price&limit=50");
        JsonNode item = page.path("items").get(0);
        assertEquals(List.of("id", "url", "title", "price"), iterable(item.fieldNames()));
        double last = -1;
        for (JsonNode i : page.path("items")) {
            double price = i.path("price").isNull() ? 0 : i.path("price").asDouble();
            assertTrue(price >= last || i.path("price").isNull());
            last = Math.max(last, price);
        }
    }

    @Test
    void cursorsAreStableWhileDataChanges() throws IOException {
        JsonNode first = get("/api/v1/activities?limit=10");
        String lastTitle = first.path("items").get(9).path("title").asText();
        Path dir = Files.createTempDirectory("tissu-extra");
        Path extra = dir.resolve("extra-activities.csv");
        String header = String.join(";", SampleGenerator.ACTIVITY_COLUMNS);
        String row = "extra-1;W350000001;Aïkido des tout-petits;;sport;;;;35238;;;lundi;10:00;11:00;;;;;;;;;;;";
        Files.writeString(extra, header + "\n" + row + "\n", StandardCharsets.UTF_8);
        FileReport loaded = new Loader(tissu.store(), tissu.ids()).load(extra, Loader.Options.strict());
        assertEquals(FileReport.Status.LOADED, loaded.status(), loaded.problems().toString());
        try {
            JsonNode second = get(first.path("links").path("next").asText());
            assertEquals(4001, second.path("total").asInt(), "the new activity is counted");
            String firstOfSecond = second.path("items").get(0).path("title").asText();
            assertTrue(Vocabulary.fold(firstOfSecond)
                    .compareTo(Vocabulary.fold(lastTitle)) >= 0,
                    "the next page continues after the last item seen, not shifted by the insertion");
            second.path("items").forEach(i -> assertFalse(i.path("identifier").asText().equals("extra-1")));
        } finally {
            tissu.store().drop(tissu.ids().graph("extra-activities.csv"));
        }
    }

    @Test
    void unknownParametersAndBadValuesAre400NamingTheParameter() {
        for (String[] bad : new String[][] {{"thme=judo", "thme"}, {"age=huit", "age"}, {"day=someday", "day"},
            {"commune=99999", "commune"}, {"near=48.1", "near"}, {"limit=501", "limit"}, {"sort=colour", "sort"},
            {"after=%25%25", "after"}}) {
            RestClient.Response res = rest.get("/api/v1/activities?" + bad[0]);
            assertEquals(400, res.status(), bad[0]);
            assertEquals(bad[1], res.json().path("parameter").asText(), bad[0]);
        }
    }

    @Test
    void conditionalRequestsAndCors() {
        RestClient.Response first = rest.get("/api/v1/activities?theme=judo");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals("*", first.header("Access-Control-Allow-Origin"));
        assertNotNull(first.header("Last-Modified"));
        assertEquals(304, rest.get("/api/v1/activities?theme=judo", "If-None-Match", etag).status());
        assertEquals(304, rest.get("/api/v1/activities?theme=judo", "If-Modified-Since", first.header("Last-Modified"))
                .status());
        assertEquals(200, rest.get("/api/v1/activities?theme=tennis", "If-None-Match", etag).status(),
                "another query has another ETag");
    }

    @Test
    void oneActivityWithItsDetails() {
        JsonNode list = get("/api/v1/activities?limit=1");
        String url = list.path("items").get(0).path("url").asText();
        JsonNode item = get(url);
        assertNotNull(item.path("description").asText(null));
        assertEquals(list.path("items").get(0).path("id").asText(), item.path("id").asText());
        assertEquals(404, rest.get("/api/v1/activities/nope").status());
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
