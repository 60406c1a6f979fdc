package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tissu.api.core.Instance;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The associations of the REST API on a real server over the sample data, checked against the store. */
@ServerTest
@Tag(SharedSample.TAG)
class RestAssociationsTest {
    static Instance tissu;
    private final RestClient rest;

    RestAssociationsTest(Http1Client client) {
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        Main.server(server, tissu);
    }

    JsonNode get(String path, String... params) {
        StringBuilder q = new StringBuilder(path);
        for (int i = 0; i < params.length; i += 2) {
            q.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return rest.ok(q.toString());
    }

    long sparqlCount(String where) {
        long[] n = {0};
        tissu.store().select("PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/> "
                + "PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX rov: <http://www.w3.org/ns/regorg#> "
                + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { " + where + " }",
                Duration.ofSeconds(30), r -> n[0] = r.getLiteral("n").getLong());
        return n[0];
    }

    @Test
    void filtersAgreeWithTheStore() {
        JsonNode page = get("/api/v1/associations", "commune", "35238", "theme", "sport", "status", "active");
        long expected = sparqlCount("?a a schema:NGO ; tissu:commune <" + tissu.ids().commune("35238").getURI()
                + "> ; dct:subject <https://w3id.org/tissu/theme/sport> ; rov:orgStatus <https://w3id.org/tissu/status/active>");
        assertTrue(expected > 0);
        assertEquals(expected, page.path("total").asLong());
        JsonNode epci = get("/api/v1/associations", "epci", "243500139", "limit", "1");
        assertEquals(2000, epci.path("total").asInt(), "every sample association is in Rennes Métropole");
        JsonNode dissolved = get("/api/v1/associations", "status", "dissolved", "created-after", "2000-01-01");
        assertEquals(sparqlCount("?a rov:orgStatus <https://w3id.org/tissu/status/dissolved> ; schema:foundingDate ?d "
                + "FILTER(?d >= \"2000-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>)"), dissolved.path("total").asLong());
    }

    @Test
    void textMatchesWordsWithoutAccents() {
        JsonNode page = get("/api/v1/associations", "q", "compagnie theatrale", "limit", "500");
        assertTrue(page.path("total").asInt() > 0);
        page.path("items")
                .forEach(i -> assertTrue(i.path("name").asText().startsWith("Compagnie théâtrale"), i.toString()));
    }

    @Test
    void pagesCoverEveryAssociationOnceInBothOrders() {
        for (String sort : new String[] {"name", "-founded"}) {
            Set<String> seen = new HashSet<>();
            JsonNode page = get("/api/v1/associations", "limit", "500", "sort", sort, "fields", "name");
            while (true) {
                page.path("items").forEach(i -> assertTrue(seen.add(i.path("id").asText()), "repeated " + i));
                if (!page.path("links").has("next")) {
                    break;
                }
                String next = page.path("links").path("next").asText();
                String after = next.substring(next.indexOf("after=") + "after=".length());
                page = get("/api/v1/associations", "limit", "500", "sort", sort, "fields", "name", "after", after);
            }
            assertEquals(2000, seen.size(), sort);
        }
    }

    @Test
    void anAssociationListsItsActivities() {
        String[] rna = {null};
        tissu.store().select("SELECT ?id WHERE { ?act <https://schema.org/organizer> ?a . ?a <http://purl.org/dc/terms/identifier> ?id } "
                + "ORDER BY ?id LIMIT 1", Duration.ofSeconds(5), r -> rna[0] = r.getLiteral("id").getLexicalForm());
        JsonNode item = get("/api/v1/associations/" + rna[0]);
        assertEquals(rna[0], item.path("identifier").asText());
        assertTrue(item.path("activities").size() > 0);
        assertTrue(item.path("activities").get(0).path("url").asText().startsWith("/api/v1/activities/"));
        assertEquals(404, rest.get("/api/v1/associations/W999999999").status());
        assertEquals(400, rest.get("/api/v1/associations?status=asleep").status());
    }
}
