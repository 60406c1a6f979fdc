package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.loader.Loader;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * The change feed end to end: a data directory filled by two real 'tissu load' runs of the activities file (the
 * second with one row removed and one row changed), then served.
 */
@ServerTest
class ChangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static String removedKey;
    static String changedKey;
    private final Http1Client client;
    private final RestClient rest;

    ChangesTest(Http1Client client) {
        this.client = client;
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        Path dir = Files.createTempDirectory("tissu-changes");
        Path file = dir.resolve("activites.csv");
        List<String> lines;
        try (InputStream in = Loader.class.getResourceAsStream("sample/activites.csv")) {
            lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")));
        }
        Path rna = dir.resolve("rna_waldec_synthetique.csv");
        try (InputStream in = Loader.class.getResourceAsStream("sample/rna_waldec_synthetique.csv")) {
            Files.copy(in, rna);
        }
        List<String> first = lines.subList(0, 201);
        Files.write(file, first);
        String data = dir.resolve("data").toString();
        assertEquals(0, TissuCommand.run("load", "--data", data, "--base", TestData.BASE, rna.toString(),
                file.toString()));
        List<String> second = new ArrayList<>(first);
        removedKey = key(second.remove(5));
        changedKey = key(second.get(7));
        String[] fields = second.get(7).split("\";\"", -1); // every field is quoted: id;association;titre;…
        fields[2] = fields[2] + " (nouvelle formule)";
        second.set(7, String.join("\";\"", fields));
        Files.write(file, second);
        assertEquals(0, TissuCommand.run("load", "--data", data, "--base", TestData.BASE, file.toString()));
        TissuConfig config = new TissuConfig(TestData.BASE, dir.resolve("data"), "tdb2", false, Duration.ofSeconds(20),
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (test)", SparqlConfig.defaults(),
                CatalogConfig.defaults());
        Instance tissu = Instance.open(config);
        Bootstrap.prepare(tissu);
        Main.server(server, tissu);
    }

    private static String key(String csvLine) {
        return csvLine.substring(1, csvLine.indexOf('"', 1));
    }

    @Test
    void theSecondLoadSaysWhatItAddedModifiedAndRemoved() {
        Map<String, String> last = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        String next = "/api/v1/changes?limit=50";
        while (next != null) {
            JsonNode page = rest.ok(next);
            page.path("items").forEach(all::add);
            next = page.path("links").has("next") ? page.path("links").path("next").asText() : null;
        }
        all.forEach(i -> last.put(i.path("url").asText(), i.path("change").asText()));
        long added = all.stream().filter(i -> i.path("change").asText().equals("added")).count();
        assertTrue(added >= 200, "the first load adds its activities, places and associations: " + added);
        assertEquals("removed", last.get("/api/v1/activities/" + removedKey), "a tombstone for the removed row");
        assertEquals("modified", last.get("/api/v1/activities/" + changedKey));
        long version = all.get(all.size() - 1).path("version").asLong();
        List<String> secondLoad = all.stream().filter(i -> i.path("version").asLong() == version)
                .map(i -> i.path("change").asText() + " " + i.path("url").asText()).toList();
        assertTrue(secondLoad.contains("removed /api/v1/activities/" + removedKey), secondLoad.toString());
        assertTrue(secondLoad.contains("modified /api/v1/activities/" + changedKey), secondLoad.toString());
        assertTrue(secondLoad.stream().noneMatch(s -> s.startsWith("added /api/v1/activities")), secondLoad.toString());
        assertEquals(0, rest.ok("/api/v1/changes?since=2999-01-01").path("items").size());
        assertEquals(400, rest.get("/api/v1/changes?since=yesterday").status());
    }

    @Test
    void activityStreams() throws Exception {
        try (Http1ClientResponse r = client.get("/api/v1/changes").queryParam("type", "activity")
                .header(HeaderNames.ACCEPT, "application/activity+json").request()) {
            assertEquals(200, r.status().code());
            JsonNode page = JSON.readTree(r.as(String.class));
            assertEquals("OrderedCollectionPage", page.path("type").asText());
            assertTrue(page.path("orderedItems").size() > 0);
            boolean delete = false;
            for (JsonNode a : page.path("orderedItems")) {
                delete |= a.path("type").asText().equals("Delete")
                        && a.path("object").path("type").asText().equals("Tombstone");
            }
            assertTrue(delete || page.has("next"), "a Delete with a Tombstone, on this page or a later one");
        }
    }
}
