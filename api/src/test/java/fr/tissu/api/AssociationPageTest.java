package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * An association's page on a real server over the shared sample starts with what a resident needs, and lists the
 * activities it organises: the same ones GraphQL gives for that association (the oracle), with their days in words.
 */
@ServerTest
@Tag(SharedSample.TAG)
class AssociationPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Http1Client client;

    AssociationPageTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    private Document page(String path, String lang) {
        var req = client.get(path).header(HeaderNames.ACCEPT, "text/html");
        if (lang != null) {
            req.queryParam("lang", lang);
        }
        try (Http1ClientResponse res = req.request()) {
            assertEquals(200, res.status().code());
            return Jsoup.parse(res.as(String.class));
        }
    }

    private JsonNode graphql(String query) throws Exception {
        try (Http1ClientResponse r = client.post("/graphql").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(JSON.writeValueAsString(JSON.createObjectNode().put("query", query)))) {
            JsonNode body = JSON.readTree(r.as(String.class));
            assertFalse(body.has("errors"), body.toString());
            return body.path("data");
        }
    }

    @Test
    void anAssociationPageSaysWhatItIsAndListsItsActivitiesAsGraphQlDoes() throws Exception {
        JsonNode activity = new RestClient(client).ok("/api/v1/activities?limit=1&theme=judo").path("items").get(0);
        String association = activity.path("organizer").path("id").asText();
        JsonNode data = graphql("{ association(id: \"" + association + "\") { name activities(first: 100) "
                + "{ totalCount nodes { key title } } } }").path("association");
        List<String> expected = new ArrayList<>();
        data.path("activities").path("nodes").forEach(n -> expected.add("/id/activity/" + n.path("key").asText()));

        Document fr = page(URI.create(association).getPath(), null);
        Element essentials = fr.selectFirst("section[aria-labelledby=essentials]");
        assertNotNull(essentials, fr.html());
        assertEquals("L'essentiel", essentials.selectFirst("h2").text());
        Element heading = essentials.selectFirst("h3");
        assertEquals("Ses activités (" + data.path("activities").path("totalCount").asInt() + ")", heading.text());
        List<String> listed = essentials.select("li > a[href^=/id/activity/]").eachAttr("href");
        assertEquals(expected.stream().sorted().toList(), listed.stream().sorted().toList());
        assertTrue(listed.contains("/id/activity/" + activity.path("identifier").asText()));
        for (Element li : essentials.select("li")) {
            assertTrue(li.text().matches(".* — (le|les) .*"), "days and hours in words: " + li.text());
        }
        assertFalse(essentials.select("dd a[href^=/id/commune/]").isEmpty(), "its commune, linked");

        Document en = page(URI.create(association).getPath(), "en");
        Element english = en.selectFirst("section[aria-labelledby=essentials]");
        assertEquals("In short", english.selectFirst("h2").text());
        assertTrue(english.selectFirst("h3").text().startsWith("Its activities ("));
        english.select("li > a").forEach(a -> assertTrue(a.attr("href").endsWith("?lang=en"), a.attr("href")));
    }
}
