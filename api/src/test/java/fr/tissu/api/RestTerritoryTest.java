package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tissu.api.core.Instance;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Communes, charter indicators and observations of the REST API, checked against the reference and the store. */
@ServerTest
@Tag(SharedSample.TAG)
class RestTerritoryTest {
    static Instance tissu;
    private final RestClient rest;

    RestTerritoryTest(Http1Client client) {
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        Main.server(server, tissu);
    }

    @Test
    void communesOfAnEpciWithTheirCounts() {
        JsonNode page = rest.ok("/api/v1/communes?epci=243500139&limit=500");
        assertEquals(43, page.path("total").asInt());
        JsonNode rennes = rest.ok("/api/v1/communes/35238");
        assertEquals("Rennes", rennes.path("name").asText());
        assertEquals("243500139", rennes.path("epci").path("siren").asText());
        long[] associations = {0};
        tissu.store().select("SELECT (COUNT(?a) AS ?n) { ?a <https://w3id.org/tissu/ns#commune> <"
                + tissu.ids().commune("35238").getURI() + "> ; a <https://schema.org/NGO> }", Duration.ofSeconds(5),
                r -> associations[0] = r.getLiteral("n").getLong());
        assertEquals(associations[0], rennes.path("counts").path("associations").asLong());
        assertEquals(1, rest.ok("/api/v1/communes?q=rennes&departement=35").path("total").asInt());
        assertEquals(404, rest.get("/api/v1/communes/00000").status());
    }

    @Test
    void theCharterHas21IndicatorsOn7Axes() {
        JsonNode all = rest.ok("/api/v1/indicators");
        assertEquals(21, all.path("total").asInt());
        assertEquals(4, rest.ok("/api/v1/indicators?axis=3").path("total").asInt());
        JsonNode one = rest.ok("/api/v1/indicators/2.1");
        assertEquals("boolean", one.path("unit").asText());
        assertTrue(one.path("label").path("fr").asText().startsWith("Existence"));
        assertEquals("2.e2", one.path("commitments").get(0).path("code").asText(), "the single entry point commitment");
        assertTrue(one.path("commitments").get(0).path("definition").path("en").asText()
                .contains("single entry point"));
        assertTrue(one.path("definition").path("en").asText().length() > 10);
        for (JsonNode i : all.path("items")) {
            assertTrue(i.path("commitments").size() >= 1, i.path("code").asText());
            for (JsonNode c : i.path("commitments")) {
                assertTrue(c.path("code").asText().startsWith(i.path("axis").path("code").asText() + ".e"),
                        "a commitment of the indicator's own axis");
            }
        }
        assertEquals(404, rest.get("/api/v1/indicators/9.9").status());
        assertEquals(400, rest.get("/api/v1/indicators?axis=9").status());
    }

    @Test
    void observationsAreFilteredAndPaged() {
        JsonNode series = rest.ok("/api/v1/observations?commune=35238&indicator=3.3");
        assertEquals(5, series.path("total").asInt(), "2021 to 2025");
        JsonNode epci = rest.ok("/api/v1/observations?epci=243500139&indicator=3.3&year=2025&limit=10");
        assertEquals(43, epci.path("total").asInt());
        int seen = epci.path("items").size();
        String next = epci.path("links").path("next").asText();
        while (!next.isEmpty()) {
            JsonNode page = rest.ok(next);
            seen += page.path("items").size();
            next = page.path("links").path("next").asText();
        }
        assertEquals(43, seen);
        JsonNode one = rest.ok("/api/v1/observations/35238/3.3/2025");
        assertEquals("declared", one.path("origin").asText());
        assertEquals(404, rest.get("/api/v1/observations/35238/3.3/1990").status());
        assertEquals(400, rest.get("/api/v1/observations?indicator=8.8").status());
    }

    @Test
    void supportPointsAndPlacesByCommuneAndDistance() {
        long[] inStore = {0};
        tissu.store().select("SELECT (COUNT(?p) AS ?n) { ?p a <https://w3id.org/tissu/ns#SupportPoint> }",
                Duration.ofSeconds(5), r -> inStore[0] = r.getLiteral("n").getLong());
        assertEquals(inStore[0], rest.ok("/api/v1/support-points?epci=243500139").path("total").asLong());
        JsonNode near = rest.ok("/api/v1/support-points?near=48.1115,-1.6800&radius=1500&limit=500");
        assertTrue(near.path("total").asInt() > 0 && near.path("total").asLong() < inStore[0]);
        JsonNode first = near.path("items").get(0);
        assertTrue(first.path("services").size() > 0);
        assertEquals(first.path("name").asText(), rest.ok(first.path("url").asText()).path("name").asText());
        JsonNode places = rest.ok("/api/v1/places?commune=35238&limit=500");
        assertTrue(places.path("total").asInt() > 0);
        places.path("items").forEach(p -> assertEquals("35238", p.path("commune").path("code").asText()));
        assertEquals(404, rest.get("/api/v1/places/nowhere").status());
    }
}
