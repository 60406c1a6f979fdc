package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tissu.api.core.Instance;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Linked Data on a real server on a random port, over a TDB2 store holding the reference and sample data. */
@ServerTest
@Tag(SharedSample.TAG)
class LinkedDataTest {
    static final Node RENNES = NodeFactory.createURI(TestData.BASE + "/id/commune/35238");
    static Instance tissu;

    private final Http1Client client;

    LinkedDataTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        Main.server(server, tissu);
    }

    Http1ClientResponse get(String path, String accept) {
        return client.get(path).header(HeaderNames.ACCEPT, accept).request();
    }

    Graph graph(String path, String accept, Lang lang) {
        try (Http1ClientResponse res = get(path, accept)) {
            assertEquals(Status.OK_200, res.status(), path + " as " + accept);
            assertTrue(res.headers().contentType().orElseThrow().text().startsWith(accept), res.headers().toString());
            assertEquals("Accept", res.headers().first(HeaderNames.VARY).orElse(""));
            String body = res.as(String.class);
            return RDFParser.fromString(body, lang).base(TestData.BASE).toGraph();
        }
    }

    @Test
    void communeAnswersInEveryRdfFormatWithTheSameTriples() {
        Graph turtle = graph("/id/commune/35238", "text/turtle", Lang.TURTLE);
        assertTrue(turtle.contains(RENNES, NodeFactory.createURI("https://schema.org/name"),
                NodeFactory.createLiteralString("Rennes")));
        assertTrue(turtle.contains(RENNES, NodeFactory.createURI("http://purl.org/dc/terms/isPartOf"),
                NodeFactory.createURI(TestData.BASE + "/id/epci/243500139")));
        for (Object[] format : List.of(new Object[] {"application/ld+json", Lang.JSONLD},
                new Object[] {"application/n-triples", Lang.NTRIPLES},
                new Object[] {"application/rdf+xml", Lang.RDFXML})) {
            Graph other = graph("/id/commune/35238", (String) format[0], (Lang) format[1]);
            assertTrue(IsoMatcher.isomorphic(turtle, other), format[0] + " must carry the same triples as Turtle");
        }
    }

    @Test
    void communeHasAnAccessibleHtmlPageInFrenchAndEnglish() {
        try (Http1ClientResponse res = get("/id/commune/35238", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")) {
            assertEquals(Status.OK_200, res.status());
            String html = res.as(String.class);
            assertTrue(html.contains("<html lang=\"fr\">"));
            assertTrue(html.contains("<h1>Rennes</h1>"));
            assertTrue(html.contains("href=\"/id/epci/243500139\""), "links stay on this site");
            assertTrue(html.contains("Rennes Métropole"), "linked things are shown by name");
            assertTrue(html.contains("Liés à cette page"), "associations of the commune are listed");
            assertTrue(html.contains("type=\"text/turtle\""), "alternates are advertised");
        }
        try (Http1ClientResponse res = client.get("/id/commune/35238").queryParam("lang", "en")
                .header(HeaderNames.ACCEPT, "text/html").request()) {
            String html = res.as(String.class);
            assertTrue(html.contains("<html lang=\"en\">"));
            assertTrue(html.contains("Linked from"));
        }
    }

    /** Every link names where it goes (axe-core counted 49 empty links on an indicator page: its values). */
    @Test
    void noPageHasAnEmptyLink() {
        for (String path : List.of("/id/indicator/1.1", "/id/commune/35238", "/id/epci/243500139")) {
            try (Http1ClientResponse res = get(path, "text/html")) {
                for (var a : org.jsoup.Jsoup.parse(res.as(String.class)).select("a[href]")) {
                    assertFalse(a.text().isBlank(), path + ": an empty link " + a.outerHtml());
                }
            }
        }
    }

    @Test
    void communePageDrawsItsIndicatorsOnTheServer() {
        String html;
        try (Http1ClientResponse res = client.get("/id/commune/35238").queryParam("indicator", "3.3")
                .header(HeaderNames.ACCEPT, "text/html").request()) {
            assertEquals(Status.OK_200, res.status());
            html = res.as(String.class);
        }
        assertFalse(html.contains("<script"), "readable without JavaScript");
        // two charts, each an image with a title and a text description
        assertEquals(2, html.split("<svg ", -1).length - 1);
        assertTrue(html.contains("role=\"img\" aria-labelledby=\"ts-t ts-d\""));
        assertTrue(html.contains("role=\"img\" aria-labelledby=\"rk-t rk-d\""));
        // the time series: one point per declared year, and the data table with them
        String series = html.substring(html.indexOf("<svg "), html.indexOf("</svg>"));
        assertEquals(5, series.split("<circle ", -1).length - 1, "2021 to 2025");
        assertTrue(html.contains("<th scope=\"row\">2021</th>") && html.contains("<th scope=\"row\">2025</th>"));
        // the ranking states Rennes' rank, the same as the API's
        JsonNode api = new RestClient(client).ok("/api/v1/indicators/3.3/compare?commune=35238&group=epci");
        assertTrue(html.contains("Rennes est au rang " + api.path("commune").path("rank").asInt() + " sur 43"), html);
        assertTrue(html.contains("aria-current=\"true\""));
        assertTrue(html.contains("/api/v1/indicators/3.3/compare?commune=35238&amp;group=epci&amp;format=csv"));
        // English, another group; an unknown indicator falls back to the first with values
        try (Http1ClientResponse res = client.get("/id/commune/35238").queryParam("indicator", "1.3")
                .queryParam("group", "departement").queryParam("lang", "en").header(HeaderNames.ACCEPT, "text/html")
                .request()) {
            String en = res.as(String.class);
            assertTrue(en.contains("Ranking in "), en);
            assertTrue(en.contains("<option value=\"departement\" selected>"));
            assertTrue(en.contains("Rennes ranks "));
        }
        try (Http1ClientResponse res = client.get("/id/commune/35238").queryParam("indicator", "<b>")
                .header(HeaderNames.ACCEPT, "text/html").request()) {
            assertEquals(Status.OK_200, res.status());
            assertFalse(res.as(String.class).contains("<b>"));
        }
    }

    @Test
    void associationFromTheSampleIsFoundByItsRnaNumber() {
        Graph graph = graph("/id/association/W350000001", "text/turtle", Lang.TURTLE);
        Node association = NodeFactory.createURI(TestData.BASE + "/id/association/W350000001");
        assertTrue(graph.contains(association, NodeFactory.createURI("http://purl.org/dc/terms/identifier"),
                NodeFactory.createLiteralString("W350000001")));
        assertTrue(graph.contains(NodeFactory.createURI(association.getURI() + "#address"), Node.ANY, Node.ANY),
                "parts of a thing are part of its description");
        String[] organiser = {null};
        tissu.store().select("SELECT ?a WHERE { ?act <https://schema.org/organizer> ?a } ORDER BY ?a LIMIT 1",
                Duration.ofSeconds(5), row -> organiser[0] = row.getResource("a").getURI());
        try (Http1ClientResponse res = get(organiser[0].substring(TestData.BASE.length()), "text/html")) {
            String html = res.as(String.class);
            assertTrue(html.contains("organisé par"), "its activities link to it");
        }
    }

    @Test
    void formatParameterOverridesAccept() {
        try (Http1ClientResponse res = client.get("/id/commune/35238").queryParam("format", "nt")
                .header(HeaderNames.ACCEPT, "text/html").request()) {
            assertEquals(Status.OK_200, res.status());
            assertTrue(res.headers().contentType().orElseThrow().text().startsWith("application/n-triples"));
        }
    }

    @Test
    void unknownThingIs404AndUnacceptableTypeIs406() {
        try (Http1ClientResponse res = get("/id/association/W999999999", "text/turtle")) {
            assertEquals(Status.NOT_FOUND_404, res.status());
            assertEquals("application/problem+json", res.headers().contentType().orElseThrow().text());
        }
        try (Http1ClientResponse res = get("/id/spaceship/1", "text/turtle")) {
            assertEquals(Status.NOT_FOUND_404, res.status());
        }
        try (Http1ClientResponse res = get("/id/commune/35238", "image/png")) {
            assertEquals(Status.NOT_ACCEPTABLE_406, res.status());
            assertTrue(res.as(String.class).contains("text/turtle"));
        }
    }

    @Test
    void indicatorsOfTheCharterAreLinkedData() {
        Graph graph = graph("/id/indicator/1.1", "text/turtle", Lang.TURTLE);
        assertFalse(graph.isEmpty());
        assertTrue(graph.contains(NodeFactory.createURI("https://w3id.org/tissu/charter/indicator/1.1"),
                NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#notation"), NodeFactory.createLiteralString("1.1")));
    }

    @Test
    void vocabularyIsServedAsHtmlAndTurtle() {
        Graph graph = graph("/vocabulary", "text/turtle", Lang.TURTLE);
        assertTrue(graph.contains(NodeFactory.createURI("https://w3id.org/tissu/ns#Activity"), Node.ANY, Node.ANY));
        try (Http1ClientResponse res = get("/vocabulary", "text/html")) {
            String html = res.as(String.class);
            assertTrue(html.contains("tissu:SupportPoint"));
            assertTrue(html.contains("Point d'appui numérique") || html.contains("Point d&#39;appui numérique"));
        }
    }

    @Test
    void readinessIncludesTheStoreAndTheReadModel() throws InterruptedException {
        ClientResponseTyped<String> res = client.get("/health/ready").request(String.class);
        for (int i = 0; i < 600 && res.status() != Status.OK_200; i++) { // the read model warms up after start
            assertEquals(Status.SERVICE_UNAVAILABLE_503, res.status());
            assertTrue(res.entity().contains("\"read-model\""), res.entity());
            Thread.sleep(100);
            res = client.get("/health/ready").request(String.class);
        }
        assertEquals(Status.OK_200, res.status());
        assertTrue(tissu.model().warm());
        assertTrue(res.entity().contains("\"store\"") && res.entity().contains("\"read-model\""), res.entity());
        ClientResponseTyped<String> metrics = client.get("/metrics").request(String.class);
        assertEquals(Status.OK_200, metrics.status());
    }

    @Test
    void sampleIsLoadedWithItsProvenance() {
        long[] graphs = {0};
        tissu.store()
                .select("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?g a <https://w3id.org/tissu/ns#SourceGraph> } }",
                Duration.ofSeconds(5), r -> graphs[0] = r.getLiteral("n").getLong());
        assertEquals(8, graphs[0],
                "vocabulary, SPARQL examples, reference, the four sample files and the computed indicators");
    }
}
