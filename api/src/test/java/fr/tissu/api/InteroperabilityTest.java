package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What clients Tissu did not write send, and what they expect back: {@code Accept: *}{@code /*} with a query, the
 * {@code format=} values SPARQLWrapper and others send, SPARQL CSV by the letter, HEAD on every GET route, CORS on
 * errors and the preflight, HTML error pages for browsers, {@code Accept: application/json} on Linked Data, and
 * paging links on JSON-LD lists. The client is the JDK's own, not Helidon's.
 */
@ServerTest
@Tag(SharedSample.TAG)
class InteroperabilityTest {
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final ObjectMapper json = new ObjectMapper();

    InteroperabilityTest(WebServer server) {
        this.base = "http://localhost:" + server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    static String sparql(String query, String... params) {
        StringBuilder s = new StringBuilder("/sparql?query=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        for (int i = 0; i < params.length; i += 2) {
            s.append('&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    static String type(HttpResponse<?> res) {
        return res.headers().firstValue("Content-Type").orElse("");
    }

    static final String SELECT = "SELECT ?name WHERE { ?c <http://purl.org/dc/terms/identifier> \"35238\" ; "
            + "<https://schema.org/name> ?name }";
    static final String CONSTRUCT = "CONSTRUCT { ?c <https://schema.org/name> ?name } WHERE { "
            + "?c <http://purl.org/dc/terms/identifier> \"35238\" ; <https://schema.org/name> ?name }";

    @Test
    void aQueryWithAcceptAnyGetsResultsNotThePage() {
        HttpResponse<String> select = get(sparql(SELECT), "Accept", "*/*");
        assertEquals(200, select.statusCode());
        assertTrue(type(select).startsWith("application/sparql-results+json"), type(select));
        assertTrue(select.body().contains("Rennes"));
        HttpResponse<String> construct = get(sparql(CONSTRUCT), "Accept", "*/*");
        assertEquals(200, construct.statusCode());
        assertTrue(type(construct).startsWith("text/turtle"), type(construct));
        HttpResponse<String> broken = get(sparql("SELECT * WHERE { ?s ?p }"), "Accept", "*/*");
        assertEquals(400, broken.statusCode());
        assertTrue(type(broken).startsWith("application/problem+json"), type(broken));
        HttpResponse<String> noAccept = get(sparql(SELECT));
        assertTrue(type(noAccept).startsWith("application/sparql-results+json"), type(noAccept));
        HttpResponse<String> browser = get(sparql(SELECT), "Accept", BROWSER);
        assertEquals(200, browser.statusCode());
        assertTrue(type(browser).startsWith("text/html"), "a browser opening a permalink gets the page");
        HttpResponse<String> jsonFirst = get(sparql(SELECT), "Accept", "application/sparql-results+json, text/html");
        assertTrue(type(jsonFirst).startsWith("application/sparql-results+json"), type(jsonFirst));
    }

    @Test
    void formatAliasesThatClientsSendAreUnderstood() {
        String[][] tabular = {{"json", "application/sparql-results+json"}, {"xml", "application/sparql-results+xml"},
            {"csv", "text/csv"}, {"tsv", "text/tab-separated-values"}};
        for (String[] f : tabular) {
            HttpResponse<String> res = get(sparql(SELECT, "format", f[0]), "Accept", "*/*");
            assertEquals(200, res.statusCode(), f[0]);
            assertTrue(type(res).startsWith(f[1]), f[0] + " -> " + type(res));
        }
        String[][] graphs = {{"turtle", "text/turtle", "TTL"}, {"ttl", "text/turtle", "TTL"},
            {"n3", "text/turtle", "TTL"}, {"nt", "application/n-triples", "N-TRIPLES"},
            {"ntriples", "application/n-triples", "N-TRIPLES"}, {"rdf", "application/rdf+xml", "RDF/XML"},
            {"rdfxml", "application/rdf+xml", "RDF/XML"}, {"xml", "application/rdf+xml", "RDF/XML"},
            {"jsonld", "application/ld+json", "JSON-LD"}, {"json-ld", "application/ld+json", "JSON-LD"},
            {"json", "application/ld+json", "JSON-LD"}};
        for (String[] f : graphs) {
            HttpResponse<String> res = get(sparql(CONSTRUCT, "format", f[0]));
            assertEquals(200, res.statusCode(), f[0] + ": " + res.body());
            assertTrue(type(res).startsWith(f[1]), f[0] + " -> " + type(res));
            Graph g = RDFParser.fromString(res.body(), RDFLanguages.nameToLang(f[2])).toGraph();
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI("https://schema.org/name"),
                    NodeFactory.createLiteralString("Rennes")), f[0]);
        }
        HttpResponse<String> unknown = get(sparql(SELECT, "format", "spreadsheet"), "Accept", "text/csv");
        assertEquals(200, unknown.statusCode());
        assertTrue(type(unknown).startsWith("text/csv"), "an unknown format= leaves the choice to Accept");
    }

    @Test
    void csvResultsWriteBlankNodesAsTheStandardSays() throws IOException {
        HttpResponse<String> res = get(sparql("SELECT ?b ?n WHERE { VALUES ?n { 1 2 } BIND(BNODE() AS ?b) }",
                "format", "csv"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(res.body())).getRecords();
        assertEquals(List.of("b", "n"), rows.get(0).toList());
        Set<String> labels = new HashSet<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertTrue(row.get(0).startsWith("_:"), row.get(0));
            labels.add(row.get(0));
        }
        assertEquals(2, labels.size(), "two blank nodes, two labels");
        assertTrue(res.body().contains("\r\n"));
    }

    @Test
    void everyGetRouteAnswersHeadWithTheSameHeadersAndNoBody() {
        for (String path : List.of("/", "/id/commune/35238", "/id/commune/35238?format=ttl", "/catalog",
                "/catalog.ttl", "/api/v1/activities?commune=35238&limit=3", "/api/v1/associations?limit=2",
                "/api/v1/search?q=judo", "/openapi", "/openapi/ui", "/.well-known/void", sparql("ASK {}"),
                "/sparql", "/vocabulary", "/graphql?query=%7Baxes%7Bnumber%7D%7D", "/api/v1/indicators",
                "/api/v1/changes")) {
            HttpResponse<String> get = get(path);
            HttpResponse<String> head = send("HEAD", path);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body(), path);
            assertEquals(type(get), type(head), path);
            for (String h : List.of("ETag", "Last-Modified", "Link", "Vary", "Access-Control-Allow-Origin")) {
                assertEquals(get.headers().firstValue(h), head.headers().firstValue(h), path + " " + h);
            }
            long length = get.body().getBytes(StandardCharsets.UTF_8).length;
            head.headers().firstValueAsLong("Content-Length").ifPresent(n -> assertEquals(length, n, path));
        }
        HttpResponse<String> missing = send("HEAD", "/id/association/W999999999");
        assertEquals(404, missing.statusCode());
        assertEquals("", missing.body());
    }

    @Test
    void anotherMethodOnAnExistingPathIsA405WithAllow() {
        String[][] cases = {{"DELETE", "/api/v1/activities", "GET, HEAD"}, {"PUT", "/sparql", "GET, HEAD, POST"},
            {"POST", "/catalog", "GET, HEAD"}, {"PATCH", "/id/association/W350000002", "GET, HEAD"},
            {"POST", "/admin/graphs/activites.csv", "DELETE"}};
        for (String[] c : cases) {
            HttpResponse<String> res = send(c[0], c[1], "Origin", "https://app.example");
            assertEquals(405, res.statusCode(), c[0] + " " + c[1] + ": " + res.body());
            assertEquals(c[2], res.headers().firstValue("Allow").orElse(null), c[0] + " " + c[1]);
            assertEquals("application/problem+json", type(res));
            assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
        assertEquals(404, send("DELETE", "/nowhere").statusCode(), "no such path under any method: 404");
        HttpResponse<String> options = send("OPTIONS", "/api/v1/activities");
        assertEquals(204, options.statusCode());
        assertEquals("GET, HEAD", options.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void corsHeadersAreOnErrorsAndThePreflightIsAnswered() {
        for (String path : List.of("/api/v1/activities?age=old", "/id/association/W999999999", "/nowhere",
                "/api/v1/observations?indicator=8.8", sparql("SELECT * WHERE {"), "/catalog?page=0")) {
            HttpResponse<String> res = get(path, "Origin", "https://app.example");
            assertTrue(res.statusCode() >= 400, path);
            assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
        }
        HttpResponse<String> preflight = send("OPTIONS", "/api/v1/activities", "Origin", "https://app.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("if-none-match"));
        HttpResponse<String> ok = get("/api/v1/communes/35238", "Origin", "https://app.example");
        assertTrue(ok.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("ETag"));
    }

    @Test
    void browsersGetAnHtmlErrorPageAndProgramsProblemDetails() {
        HttpResponse<String> fr = get("/id/association/W999999999", "Accept", BROWSER);
        assertEquals(404, fr.statusCode());
        assertTrue(type(fr).startsWith("text/html"), type(fr));
        assertTrue(fr.body().contains("<html lang=\"fr\">") && fr.body().contains("Page introuvable"), fr.body());
        assertTrue(fr.body().contains("href=\"/\""), "a way back home");
        assertTrue(fr.body().contains("<main id=\"main\">") && fr.body().contains("class=\"skip\""));
        assertTrue(fr.body().contains("<span lang=\"en\">nothing is known"), "the English detail says so");
        assertTrue(fr.headers().firstValue("Vary").orElse("").contains("Accept-Language"), "pages vary by language");
        HttpResponse<String> en = get("/api/v1/activities?age=old&lang=en", "Accept", BROWSER);
        assertEquals(400, en.statusCode());
        assertTrue(en.body().contains("<html lang=\"en\">") && en.body().contains("age"), en.body());
        HttpResponse<String> program = get("/id/association/W999999999", "Accept", "application/json");
        assertEquals(404, program.statusCode());
        assertEquals("application/problem+json", type(program));
        HttpResponse<String> any = get("/nowhere", "Accept", "*/*");
        assertEquals("application/problem+json", type(any));
    }

    @Test
    void linkedDataAnswersJsonLdToAcceptJson() {
        HttpResponse<String> res = get("/id/commune/35238", "Accept", "application/json");
        assertEquals(200, res.statusCode());
        assertTrue(type(res).startsWith("application/ld+json"), type(res));
        Graph g = RDFParser.fromString(res.body(), Lang.JSONLD).toGraph();
        assertTrue(g.contains(NodeFactory.createURI(TestData.BASE + "/id/commune/35238"), RDF.type.asNode(),
                NodeFactory.createURI("http://rdf.insee.fr/def/geo#Commune")));
    }

    @Test
    void jsonLdListsCarryTheirPagingLinks() {
        for (String list : List.of("/api/v1/activities?commune=35238&limit=5", "/api/v1/associations?limit=5",
                "/api/v1/associations?q=judo&limit=5")) {
            HttpResponse<String> first = get(list + "&format=jsonld");
            assertEquals(200, first.statusCode(), list);
            String link = first.headers().firstValue("Link").orElse(null);
            assertNotNull(link, list + ": no Link header");
            Matcher m = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
            assertTrue(m.find(), link);
            HttpResponse<String> second = get(m.group(1));
            assertEquals(200, second.statusCode(), m.group(1));
            assertTrue(type(second).startsWith("application/ld+json"), "the next page keeps the format");
            assertNotEquals(first.body(), second.body());
            Set<Node> firstThings = subjects(first.body());
            Set<Node> secondThings = subjects(second.body());
            assertFalse(firstThings.isEmpty());
            firstThings.retainAll(secondThings);
            assertTrue(firstThings.isEmpty(), "pages do not overlap: " + firstThings);
        }
    }

    private static Set<Node> subjects(String jsonld) {
        Graph g = RDFParser.fromString(jsonld, Lang.JSONLD).toGraph();
        Set<Node> things = new HashSet<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().getURI().contains("#")) {
                things.add(t.getSubject());
            }
        });
        return things;
    }

    HttpResponse<String> graphql(String query, String variablesJson) {
        try {
            String body = "{\"query\":" + json.writeValueAsString(query) + ",\"variables\":" + variablesJson + "}";
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStandardIntrospectionQueryIsAnswered() throws IOException {
        String query;
        try (var in = getClass().getResourceAsStream("introspection-query.graphql")) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> res = graphql(query, "{}");
        assertEquals(200, res.statusCode());
        var body = json.readTree(res.body());
        assertTrue(body.path("errors").isMissingNode(), res.body());
        assertEquals("Query", body.path("data").path("__schema").path("queryType").path("name").asText());
        assertTrue(body.path("data").path("__schema").path("types").size() > 20);
        String deep = "{ commune(code: \"35238\") { " + "epci { communes { ".repeat(8) + "code" + " } }".repeat(8)
                + " } }";
        assertTrue(json.readTree(graphql(deep, "{}").body()).path("errors").get(0).path("message").asText()
                .contains("depth"), "the depth limit still holds on data");
    }

    /** Values crafted to end an IRI or a literal and append a pattern that would match the whole store. */
    static final List<String> HOSTILE = List.of(
            TestData.BASE + "/id/association/W350000001> ?p ?o } UNION { ?s ?p ?o . ?s2 ?p2 ?o2 } #",
            "W350000001> } UNION { ?s ?p ?o } #", "35238\" } UNION { ?s ?p ?o } #", "35238> ?p ?o . ?x ?y ?z #",
            "x' ; DROP ALL ; '", "\\u003e } #");

    @Test
    void hostileIdentifiersAreRefusedAtEveryEntryPoint() throws IOException {
        for (String hostile : HOSTILE) {
            long start = System.nanoTime();
            for (String argument : List.of("id", "rna")) {
                HttpResponse<String> res = graphql("query($v: " + (argument.equals("id") ? "ID" : "String")
                        + ") { association(" + argument + ": $v) { name } }",
                        "{\"v\":" + json.writeValueAsString(hostile) + "}");
                var body = json.readTree(res.body());
                assertTrue(body.path("data").path("association").isNull(), res.body());
                assertEquals("BAD_INPUT", body.path("errors").get(0).path("extensions").path("classification")
                        .asText(), res.body());
            }
            var commune = json.readTree(graphql("query($v: String!) { commune(code: $v) { name } }",
                    "{\"v\":" + json.writeValueAsString(hostile) + "}").body());
            assertTrue(commune.path("data").path("commune").isNull(), commune.toString());
            String v = URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20");
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(hostile.getBytes(
                    StandardCharsets.UTF_8));
            for (String path : List.of("/api/v1/associations/" + v, "/api/v1/associations?commune=" + v,
                    "/api/v1/associations?theme=" + v, "/api/v1/associations?after=" + cursor,
                    "/api/v1/observations?after=" + cursor, "/api/v1/observations?commune=" + v,
                    "/api/v1/observations/" + v + "/1.1/2025", "/id/association/" + v, "/id/commune/" + v,
                    "/api/v1/communes/" + v, "/api/v1/communes/" + v + "/indicators",
                    "/api/v1/indicators/1.1/compare?commune=" + v, "/api/v1/activities?commune=" + v,
                    "/api/v1/activities/" + v, "/api/v1/places/" + v, "/api/v1/support-points/" + v,
                    "/api/v1/search?q=" + v)) {
                HttpResponse<String> res = get(path);
                assertTrue(res.statusCode() < 500, path + " -> " + res.statusCode() + " " + res.body());
                if (res.statusCode() == 200 && res.body().startsWith("{")) {
                    var items = json.readTree(res.body()).path("items");
                    assertTrue(items.isMissingNode() || items.size() <= 20, path + ": " + res.body().length());
                }
            }
            assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "no request ran a cartesian product");
        }
    }

    @Test
    void theGraphQlPageHasTheSiteShellInFrenchAndEnglish() {
        HttpResponse<String> fr = get("/graphql", "Accept", BROWSER);
        assertTrue(type(fr).startsWith("text/html"));
        assertTrue(fr.body().contains("<html lang=\"fr\">") && fr.body().contains("class=\"skip\" href=\"#main\"")
                && fr.body().contains("<nav") && fr.body().contains("Requête GraphQL"), fr.body());
        HttpResponse<String> en = get("/graphql?lang=en", "Accept", BROWSER);
        assertTrue(en.body().contains("<html lang=\"en\">") && en.body().contains("GraphQL query"), en.body());
        assertTrue(en.body().contains("<textarea id=\"query\""));
    }

    @Test
    void activitiesNearACommuneAreThatCommunes() throws IOException {
        for (String[] commune : new String[][] {{"35047", "48.024,-1.747"}, {"35051", "48.1235,-1.594"},
            {"35238", "48.1115,-1.68"}}) {
            var body = json.readTree(get("/api/v1/activities?near=" + commune[1] + "&radius=2500&limit=100").body());
            assertTrue(body.path("total").asInt() > 0, "nothing near " + commune[0]);
            long own = 0;
            for (var item : body.path("items")) {
                own += item.path("commune").path("code").asText().equals(commune[0]) ? 1 : 0;
            }
            assertTrue(own * 2 > body.path("items").size(), "most activities within 2.5 km of " + commune[0]
                    + "'s centre are in it: " + own + " of " + body.path("items").size());
        }
    }

    @Test
    void dataCubeIntegrityConstraintsRunThroughTheEndpoint() throws IOException {
        String qb = "PREFIX qb: <http://purl.org/linked-data/cube#>\n";
        List<String> constraints = List.of(qb + """
                ASK { ?dsd qb:component/qb:componentProperty qb:measureType ;
                       qb:component/qb:componentProperty ?om . ?om a qb:MeasureProperty .
                  ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?m ; ?om [] FILTER(?om != ?m) }""", qb + """
                ASK { { SELECT ?numMeasures (COUNT(?o2) AS ?count) WHERE {
                    { SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
                        ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty } GROUP BY ?dsd }
                    ?o1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?ds ; qb:measureType ?m1 .
                    ?o2 qb:dataSet ?ds ; qb:measureType ?m2 .
                    FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty ?dim FILTER(?dim != qb:measureType)
                      ?dim a qb:DimensionProperty . ?o1 ?dim ?v1 . ?o2 ?dim ?v2 FILTER(?v1 != ?v2) }
                  } GROUP BY ?o1 ?numMeasures HAVING (?count != ?numMeasures) } }""");
        for (String ask : constraints) {
            HttpResponse<String> res = get(sparql(ask), "Accept", "application/sparql-results+json");
            assertEquals(200, res.statusCode(), res.body());
            assertFalse(json.readTree(res.body()).path("boolean").asBoolean(true), "the sample's cube is well formed");
        }
    }
}
