package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import fr.tissu.store.read.ReferenceData;
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
 * The widget a commune frames on its own site, on a real server over the shared sample: the finder's first results
 * (the same filter, so the same totals as the REST API), links that leave the frame, a page any site may frame while
 * every other page refuses framing, and a clear message for a widget set up wrong.
 */
@ServerTest
@Tag(SharedSample.TAG)
class WidgetTest {
    private final Http1Client client;

    WidgetTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    private record Page(int status, String csp, String frameOptions, Document html) {
    }

    private Page get(String pathAndQuery) {
        var req = RestClient.request(client, pathAndQuery);
        try (Http1ClientResponse res = req.request()) {
            return new Page(res.status().code(), res.headers().first(HeaderNames.create("Content-Security-Policy"))
                    .orElse(""), res.headers().first(HeaderNames.create("X-Frame-Options")).orElse(null),
                    Jsoup.parse(res.as(String.class)));
        }
    }

    private long restTotal(String query) {
        return new RestClient(client).ok("/api/v1/activities?limit=1&" + query).path("total").asLong();
    }

    private static int count(Document d) {
        String text = d.selectFirst("p.count").text();
        return text.startsWith("Aucune") || text.startsWith("No ") ? 0 : Integer.parseInt(text.split(" ")[0]);
    }

    @Test
    void theWidgetShowsTheFindersFirstResultsAndMayBeFramedByAnySite() {
        Page widget = get("/widget?where=Rennes&within=10&theme=judo&age=8&day=wed&limit=3&accent=005a9c");
        assertEquals(200, widget.status());
        assertTrue(widget.csp().contains("frame-ancestors *"), widget.csp());
        assertTrue(widget.csp().contains("default-src 'none'"), widget.csp());
        assertEquals(null, widget.frameOptions(), "no X-Frame-Options on the widget");
        Document d = widget.html();
        int total = count(d);
        double[] b = ReferenceData.get().box("35238").orElseThrow();
        assertEquals(restTotal("theme=judo&age=8&day=wed&when=upcoming&near=" + (b[1] + b[3]) / 2 + ","
                + (b[0] + b[2]) / 2 + "&radius=10000"), total);
        assertTrue(total > 3, "the sample has more than three: " + total);
        assertEquals(3, d.select("ol.cards > li").size());
        assertEquals("Activités à Rennes", d.selectFirst("h1").text());
        for (Element a : d.select("a[href]")) {
            assertEquals("_blank", a.attr("target"), a.outerHtml());
            assertEquals("noopener", a.attr("rel"), a.outerHtml());
        }
        assertTrue(d.selectFirst("style").data().contains("#005a9c"));
        Element all = d.selectFirst("p.all a");
        assertEquals("Voir les " + total + " activités sur Tissu", all.text());
        Page finder = get(all.attr("href"));
        assertEquals(total, Integer.parseInt(finder.html().selectFirst("h2#results").text().split(" ")[0]),
                "the link leads to all of them in the finder");
        assertTrue(finder.csp().contains("frame-ancestors 'none'"), "the finder itself is not framed");
        assertEquals("DENY", finder.frameOptions());
    }

    @Test
    void thisWeeksActivitiesOfACommuneInEnglish() {
        Document d = get("/widget?where=Rennes&week=true&lang=en").html();
        assertEquals("Activities in Rennes this week", d.selectFirst("h1").text());
        assertEquals(restTotal("commune=35238&when=ongoing"), count(d));
        assertEquals(Math.min(5, count(d)), d.select("ol.cards > li").size());
        assertEquals("en", d.selectFirst("html").attr("lang"));
        assertNotNull(d.selectFirst("ol.cards a[href$=?lang=en]"));
        Document custom = get("/widget?where=Rennes&title=Agenda des clubs").html();
        assertEquals("Agenda des clubs", custom.selectFirst("h1").text());
    }

    @Test
    void aWidgetSetUpWrongSaysWhatIsWrong() {
        for (String wrong : List.of("limit=0", "limit=21", "limit=cinq", "accent=red", "week=maybe",
                "colour=blue", "where=Nullepart")) {
            Page page = get("/widget?" + wrong);
            assertEquals(400, page.status(), wrong);
            Element alert = page.html().selectFirst("[role=alert]");
            assertNotNull(alert, wrong);
            assertFalse(alert.text().isBlank(), wrong);
            assertTrue(page.csp().contains("frame-ancestors *"), "still framable, to show the message: " + wrong);
        }
    }
}
