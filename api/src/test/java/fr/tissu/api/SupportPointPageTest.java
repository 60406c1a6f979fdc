package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A digital-support point's page on a real server over the shared sample starts with what a resident needs: its
 * opening hours in words (the REST API's OpenStreetMap text is the oracle), where, and how to reach it.
 */
@ServerTest
@Tag(SharedSample.TAG)
class SupportPointPageTest {
    private final Http1Client client;

    SupportPointPageTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    private Map<String, String> essentials(String path, String lang) {
        var req = client.get(path).header(HeaderNames.ACCEPT, "text/html");
        if (lang != null) {
            req.queryParam("lang", lang);
        }
        try (Http1ClientResponse res = req.request()) {
            assertEquals(200, res.status().code());
            Document d = Jsoup.parse(res.as(String.class));
            Element section = d.selectFirst("section[aria-labelledby=essentials]");
            assertNotNull(section, d.html());
            Map<String, String> rows = new HashMap<>();
            for (Element dt : section.select("dt")) {
                rows.put(dt.text(), dt.nextElementSibling().text());
                rows.put(dt.text() + " html", dt.nextElementSibling().html());
            }
            return rows;
        }
    }

    @Test
    void aSupportPointPageSaysItsHoursInWordsAndHowToReachIt() {
        JsonNode points = new RestClient(client).ok("/api/v1/support-points?limit=100").path("items");
        int checked = 0;
        for (JsonNode p : points) {
            String hours = p.path("openingHours").asText("");
            if (!hours.equals("Tu,Th 14:00-17:00; Sa 10:00-12:00") && !hours.equals("Mo-Fr 09:00-12:00")) {
                continue;
            }
            String path = URI.create(p.path("id").asText()).getPath();
            Map<String, String> fr = essentials(path, null);
            assertEquals(hours.startsWith("Mo") ? "Du lundi au vendredi, 9 h – 12 h"
                    : "Le mardi et le jeudi, 14 h – 17 h ; le samedi, 10 h – 12 h", fr.get("Horaires"), path);
            assertTrue(fr.get("Où").contains(p.path("commune").path("name").asText()), fr.toString());
            assertTrue(fr.get("Où html").contains("openstreetmap.org/?mlat="), fr.toString());
            if (p.path("telephone").isTextual()) {
                assertTrue(fr.get("Contact html").contains("href=\"tel:"), fr.toString());
            }
            if (p.path("email").isTextual()) {
                assertTrue(fr.get("Contact html").contains("href=\"mailto:" + p.path("email").asText()),
                        fr.toString());
            }
            Map<String, String> en = essentials(path, "en");
            assertEquals(hours.startsWith("Mo") ? "Monday to Friday, 09:00 – 12:00"
                    : "Tuesday and Thursday, 14:00 – 17:00; Saturday, 10:00 – 12:00", en.get("Opening hours"));
            checked++;
        }
        assertTrue(checked >= 2, "the sample has points with both kinds of hours: " + checked);
    }
}
