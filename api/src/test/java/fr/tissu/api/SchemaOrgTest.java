package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.tissu.api.core.Instance;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The schema.org markup of the human pages on a real server over the shared sample: one JSON-LD block per page that
 * says what the REST API says of the same thing (the oracle is the API's JSON, not the code that writes the block),
 * and that Jena's JSON-LD 1.1 parser reads as schema.org triples. Its validity against schema.org's own definitions
 * (types, properties, ranges) is checked by {@code api/browser/check-schema-org.sh} with schema-dts and TypeScript.
 */
@ServerTest
@Tag(SharedSample.TAG)
class SchemaOrgTest {
    private static final String SCHEMA = "https://schema.org/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http1Client client;

    SchemaOrgTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Instance tissu = TestData.shared();
        Main.server(server, tissu);
    }

    private JsonNode block(String path) throws Exception {
        try (Http1ClientResponse res = client.get(path).header(HeaderNames.ACCEPT, "text/html").request()) {
            assertEquals(200, res.status().code(), path);
            Elements scripts = Jsoup.parse(res.as(String.class)).select("script[type=application/ld+json]");
            assertEquals(1, scripts.size(), path + ": one block");
            Element script = scripts.getFirst();
            return JSON.readTree(script.data());
        }
    }

    /** The block read as RDF by Jena, with a context that maps every term into schema.org (no network here). */
    private static Model rdf(JsonNode block) {
        ObjectNode copy = block.deepCopy();
        copy.set("@context", JSON.createObjectNode().put("@vocab", SCHEMA));
        return RDFParser.fromString(copy.toString(), Lang.JSONLD11).toModel();
    }

    @Test
    void anActivityPageDescribesTheSeriesAsTheApiDoes() throws Exception {
        JsonNode activity = null;
        for (JsonNode a : new RestClient(client).ok("/api/v1/activities?limit=100&day=wed").path("items")) {
            if (a.path("place").path("lat").isNumber() && a.path("organizer").path("name").isTextual()
                    && a.path("schedule").path("startTime").isTextual() && a.path("price").isNumber()) {
                activity = a;
                break;
            }
        }
        assertNotNull(activity, "the sample has an activity on Wednesdays with a place, an organiser and a price");
        JsonNode block = block(URI.create(activity.path("id").asText()).getPath());

        assertEquals("https://schema.org", block.path("@context").asText());
        assertEquals("EventSeries", block.path("@type").asText());
        assertEquals(activity.path("id").asText(), block.path("@id").asText());
        assertEquals(activity.path("title").asText(), block.path("name").asText());
        JsonNode schedule = block.path("eventSchedule");
        assertEquals("Schedule", schedule.path("@type").asText());
        List<String> days = new ArrayList<>();
        activity.path("schedule").path("days").forEach(d -> days.add(SCHEMA
                + d.asText().substring(0, 1).toUpperCase(Locale.ROOT) + d.asText().substring(1)));
        List<String> byDay = new ArrayList<>();
        schedule.path("byDay").forEach(d -> byDay.add(d.asText()));
        assertEquals(days, byDay);
        assertTrue(byDay.contains(SCHEMA + "Wednesday"));
        assertEquals("P1W", schedule.path("repeatFrequency").asText());
        assertTrue(schedule.path("startTime").asText().startsWith(activity.path("schedule").path("startTime").asText()),
                schedule + " vs " + activity.path("schedule"));
        assertEquals(activity.path("schedule").path("seasonStart").asText(), block.path("startDate").asText());
        assertEquals(activity.path("schedule").path("seasonEnd").asText(), schedule.path("endDate").asText());
        assertEquals(activity.path("place").path("lat").asDouble(),
                block.path("location").path("geo").path("latitude").asDouble(), 1e-9);
        assertEquals(activity.path("commune").path("name").asText(),
                block.path("location").path("address").path("addressLocality").asText());
        assertEquals(activity.path("organizer").path("name").asText(), block.path("organizer").path("name").asText());
        assertEquals(activity.path("organizer").path("id").asText(), block.path("organizer").path("@id").asText());
        assertEquals(0, activity.path("price").decimalValue().compareTo(
                new java.math.BigDecimal(block.path("offers").path("price").asText())));
        assertEquals("EUR", block.path("offers").path("priceCurrency").asText());

        Model model = rdf(block);
        var series = model.createResource(activity.path("id").asText());
        assertTrue(model.contains(series, RDF.type, model.createResource(SCHEMA + "EventSeries")), model.toString());
        assertTrue(model.contains(series, ResourceFactory.createProperty(SCHEMA, "eventSchedule")));
        assertTrue(model.contains(null, ResourceFactory.createProperty(SCHEMA, "latitude")));
    }

    @Test
    void anAssociationPageDescribesTheOrganisationAsTheApiDoes() throws Exception {
        JsonNode association = new RestClient(client).ok("/api/v1/associations?limit=1").path("items").get(0);
        JsonNode block = block(URI.create(association.path("id").asText()).getPath());
        assertEquals("NGO", block.path("@type").asText());
        assertEquals(association.path("id").asText(), block.path("@id").asText());
        assertEquals(association.path("name").asText(), block.path("name").asText());
        assertEquals(association.path("identifier").asText(), block.path("identifier").asText());
        assertEquals(association.path("commune").path("name").asText(),
                block.path("address").path("addressLocality").asText(), block.toString());
        assertFalse(block.path("identifier").asText().isEmpty());
        Model model = rdf(block);
        assertTrue(model.contains(model.createResource(association.path("id").asText()), RDF.type,
                model.createResource(SCHEMA + "NGO")));
    }
}
