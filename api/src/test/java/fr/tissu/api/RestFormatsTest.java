package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.Instance;
import fr.tissu.store.read.Describer;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Activity exports (CSV, GeoJSON, iCalendar) hold every matching activity and parse with independent readers. */
@ServerTest
@Tag(SharedSample.TAG)
class RestFormatsTest {
    private final RestClient rest;
    private final ObjectMapper json = new ObjectMapper();

    RestFormatsTest(Http1Client client) {
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    String get(String accept, String... params) {
        StringBuilder q = new StringBuilder("/api/v1/activities?theme=judo&age=8");
        for (int i = 0; i < params.length; i += 2) {
            q.append('&').append(params[i]).append('=').append(params[i + 1]);
        }
        RestClient.Response res = accept == null ? rest.get(q.toString()) : rest.get(q.toString(), "Accept", accept);
        assertEquals(200, res.status(), res.body());
        return res.body();
    }

    int total() {
        try {
            return json.readTree(get(null, "limit", "1")).path("total").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void csvHasAHeaderAndEveryMatchingActivity() throws IOException {
        String csv = get("text/csv");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(csv.substring(1))).getRecords();
        assertTrue(total() > 20, "more than one page");
        assertEquals(total(), records.size());
        records.forEach(r -> assertTrue(r.get("theme").contains("judo")));
        assertEquals(csv, get(null, "format", "csv"), "format= and Accept give the same export");
    }

    @Test
    void geojsonHasAPointPerLocatedActivity() throws IOException {
        JsonNode geo = json.readTree(get("application/geo+json"));
        assertEquals("FeatureCollection", geo.path("type").asText());
        assertEquals(total(), geo.path("features").size());
        JsonNode first = geo.path("features").get(0);
        assertEquals("Point", first.path("geometry").path("type").asText());
        double lon = first.path("geometry").path("coordinates").get(0).asDouble();
        assertTrue(lon < 0 && lon > -2.5, "longitude first, as GeoJSON wants");
    }

    @Test
    void icalHasAWeeklyEventPerActivity() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(get("text/calendar")));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(total(), events.size());
        for (VEvent event : events) {
            String rrule = event.getProperty("RRULE").orElseThrow().getValue();
            assertTrue(rrule.startsWith("FREQ=WEEKLY") && rrule.matches(".*UNTIL=\\d{8}T\\d{6}Z.*"), rrule);
            assertTrue(event.getProperty("UID").orElseThrow().getValue().contains("/id/activity/"));
        }
        assertTrue(calendar.getComponents("VTIMEZONE").size() == 1);
    }

    @Test
    void unknownFormatIs400AndUnacceptableTypeIs406() {
        assertEquals(400, rest.get("/api/v1/activities?format=pdf").status());
        assertEquals(406, rest.get("/api/v1/activities", "Accept", "image/png").status());
    }

    @Test
    void jsonLdExpandsToTheTriplesTheStoreHolds() {
        Instance tissu = TestData.shared();
        var describer = new Describer(tissu.store(), Duration.ofSeconds(10));
        JsonNode page = json(rest.ok("/api/v1/activities?theme=judo&limit=3").toString());
        String activity = page.path("items").get(0).path("id").asText();
        String association = page.path("items").get(0).path("organizer").path("id").asText();
        String[][] cases = {
            {page.path("items").get(0).path("url").asText(), activity},
            {page.path("items").get(0).path("organizer").path("url").asText(), association}};
        for (String[] c : cases) {
            RestClient.Response res = rest.get(c[0], "Accept", "application/ld+json");
            assertEquals(200, res.status(), res.body());
            Graph fromApi = RDFParser.fromString(res.body(),
                    Lang.JSONLD).toGraph();
            Graph inStore = describer.describeAll(List.of(c[1]));
            assertTrue(inStore.size() > 5);
            inStore.find().forEachRemaining(t -> assertTrue(t.getSubject().getURI().startsWith(c[1]),
                    "only the thing and its parts: " + t));
            assertTrue(IsoMatcher.isomorphic(inStore, fromApi),
                    c[0] + ": JSON-LD must expand to the store's triples");
            assertTrue(res.body().contains("\"@context\""));
        }
        RestClient.Response list = rest.get("/api/v1/activities?theme=judo&limit=3&format=jsonld");
        Graph listed = RDFParser.fromString(list.body(),
                Lang.JSONLD).toGraph();
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        assertTrue(IsoMatcher.isomorphic(describer.describeAll(ids), listed));
    }

    private JsonNode json(String text) {
        try {
            return this.json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
