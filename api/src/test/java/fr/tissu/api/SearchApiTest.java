package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.Instance;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/search}, completion, {@code q=} on the lists and {@code tissu:search} in SPARQL, on the real
 * index of the sample. The filters are checked against the activity list, which applies the same filter model in
 * memory: both must keep the same activities.
 */
@ServerTest
@Tag(SharedSample.TAG)
class SearchApiTest {
    static Instance tissu;
    private final RestClient rest;
    private final Http1Client client;

    SearchApiTest(Http1Client client) {
        this.rest = new RestClient(client);
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        Main.server(server, tissu);
    }

    @Test
    void resultsWithScoresHighlightsAndFacets() {
        JsonNode page = rest.ok("/api/v1/search?q=judo+enfants&facets=type,day,age,theme,commune,price");
        JsonNode first = page.path("items").get(0);
        assertEquals("activity", first.path("type").asText());
        assertEquals("Judo enfants", first.path("name").asText());
        assertTrue(first.path("url").asText().startsWith("/api/v1/activities/"));
        assertEquals(200, rest.get(first.path("url").asText()).status(), "the hit's URL is its REST item");
        assertTrue(first.path("highlights").path("name").asText().contains("<mark>Judo</mark>"));
        long activities = 0;
        long sum = 0;
        for (JsonNode f : page.path("facets").path("type")) {
            sum += f.path("count").asLong();
            if (f.path("value").asText().equals("activity")) {
                activities = f.path("count").asLong();
            }
        }
        assertEquals(page.path("total").asLong(), sum, "the type facet counts every result once");
        assertTrue(activities > 0);
        assertTrue(page.path("facets").path("age").size() > 0);
        assertTrue(page.path("facets").path("price").size() > 0);
    }

    @Test
    void theFiltersKeepWhatTheActivityListKeeps() {
        String[] filters = {"commune=35238", "epci=243500139&theme=sport", "theme=musique&day=wed",
            "age=8&day=wed&from=16:00", "free=true", "free=false&commune=35047", "max-price=100&theme=culture",
            "accessible=true&theme=judo", "lang=en", "near=48.1115,-1.68&radius=2000",
            "near=48.15,-1.60&radius=9000&age=10",
            "near=48.0,-1.75&radius=200000", "to=12:00&day=sat",
            "when=upcoming&theme=danse", "starts-after=2026-12-01&starts-before=2026-12-03",
            "accessible=false&age=70"};
        for (String f : filters) {
            long listed = rest.ok("/api/v1/activities?limit=1&" + f).path("total").asLong();
            // with a facet the total is exact; without, past 1,000 it is a lower bound that says so
            long found = rest.ok("/api/v1/search?type=activity&limit=1&facets=type&" + f).path("total").asLong();
            JsonNode bare = rest.ok("/api/v1/search?type=activity&limit=1&" + f);
            assertEquals(listed > 1000, bare.has("totalExact") && !bare.path("totalExact").asBoolean(), f);
            assertEquals(Math.min(listed, 1000), Math.min(bare.path("total").asLong(), 1000), f);
            assertEquals(listed, found, f);
            assertTrue(listed > 0 || f.startsWith("lang"), "a filter that keeps nothing proves little: " + f);
        }
    }

    @Test
    void associationFiltersAndPaging() {
        long dissolved = rest.ok("/api/v1/associations?status=dissolved&limit=1").path("total").asLong();
        assertTrue(dissolved > 0);
        assertEquals(dissolved, rest.ok("/api/v1/search?status=dissolved&limit=1").path("total").asLong());
        assertEquals(rest.ok("/api/v1/associations?created-after=2015-01-01&theme=sport&limit=1").path("total")
                .asLong(),
                rest.ok("/api/v1/search?created-after=2015-01-01&theme=sport&type=association&limit=1")
                        .path("total").asLong());

        Set<String> seen = new HashSet<>();
        String next = "/api/v1/search?q=club&type=association&limit=7";
        long total = rest.ok(next).path("total").asLong();
        assertTrue(total > 14);
        for (int pages = 0; next != null && pages < 100; pages++) {
            JsonNode page = rest.ok(next);
            page.path("items").forEach(i -> assertTrue(seen.add(i.path("id").asText()), "twice: " + i));
            next = page.path("links").has("next") ? page.path("links").path("next").asText() : null;
        }
        assertEquals(total, seen.size());
    }

    @Test
    void distanceSortAndCompletion() {
        JsonNode near = rest.ok("/api/v1/search?type=activity&near=48.1115,-1.68&radius=3000&sort=distance&limit=50");
        long previous = -1;
        for (JsonNode item : near.path("items")) {
            assertTrue(item.path("distance").asLong() >= previous && item.path("distance").asLong() <= 3000);
            previous = item.path("distance").asLong();
        }
        JsonNode suggestions = rest.ok("/api/v1/search/suggest?q=jud");
        assertTrue(suggestions.path("items").size() > 0);
        suggestions.path("items")
                .forEach(s -> assertTrue(s.path("name").asText().toLowerCase().contains("jud"), s.toString()));
        JsonNode two = rest.ok("/api/v1/search/suggest?q=club+des+ai&type=association");
        assertTrue(two.path("items").get(0).path("name").asText().startsWith("Club des aînés"), two.toString());
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        String[][] requests = {
            {"/api/v1/search?type=spaceship", "type"},
            {"/api/v1/search?facets=colour", "facets"},
            {"/api/v1/search?sort=distance", "sort"},
            {"/api/v1/search?after=zz", "after"},
            {"/api/v1/search?age=old", "age"},
            {"/api/v1/search?qq=judo", "qq"},
            {"/api/v1/search/suggest", "q"},
            {"/api/v1/associations?q=judo&sort=name", "sort"},
        };
        for (String[] bad : requests) {
            RestClient.Response r = rest.get(bad[0]);
            assertEquals(400, r.status(), bad[0]);
            assertEquals(bad[1], r.json().path("parameter").asText(), bad[0]);
        }
    }

    @Test
    void qOnTheListsUsesTheIndex() {
        JsonNode accents = rest.ok("/api/v1/activities?q=theatres&limit=100");
        assertTrue(accents.path("total").asLong() > 0, "plural and no accent find Théâtre");
        accents.path("items").forEach(i -> assertTrue(i.path("title").asText().contains("héâtre"), i.toString()));
        JsonNode typo = rest.ok("/api/v1/activities?q=footbal&commune=35238");
        assertTrue(typo.path("total").asLong() > 0);
        JsonNode associations = rest.ok("/api/v1/associations?q=jardiniers&limit=5");
        assertTrue(associations.path("total").asLong() > 0);
        associations.path("items")
                .forEach(i -> assertTrue(i.path("name").asText().contains("Jardiniers"), i.toString()));
    }

    @Test
    void sparqlCombinesTextSearchWithGraphPatterns() throws Exception {
        List<String> names = new ArrayList<>();
        tissu.store().select("""
                PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX schema: <https://schema.org/>
                SELECT ?name ?score WHERE {
                  (?a ?score) tissu:search ("judo enfants" 10 "activity") .
                  ?a schema:name ?name ; tissu:commune ?c .
                } ORDER BY DESC(?score)""", Duration.ofSeconds(10), r -> names.add(r.getLiteral("name").getString()));
        assertFalse(names.isEmpty());
        assertTrue(names.size() <= 10);
        assertEquals("Judo enfants", names.get(0));
        try (var res = client.get("/sparql").queryParam("query",
                "PREFIX tissu: <https://w3id.org/tissu/ns#> SELECT (COUNT(*) AS ?n) { ?a tissu:search \"yoga\" }")
                .header(HeaderNames.ACCEPT, "application/sparql-results+json").request()) {
            assertEquals(200, res.status().code());
            JsonNode json = new ObjectMapper().readTree(res.as(String.class));
            assertTrue(json.path("results").path("bindings").get(0).path("n").path("value").asInt() > 0,
                    json.toString());
        }
    }
}
