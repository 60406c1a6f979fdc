package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SPARQL 1.1 Protocol, query side, on a real server: the cases of the W3C protocol test manifest (query via
 * GET, form POST and direct POST, protocol datasets, content types, the 4xx cases, update refused), and Tissu's
 * own limits (timeout, row cap, concurrency cap, no federation).
 */
@ServerTest
@Tag(SharedSample.TAG)
class SparqlProtocolTest {
    /** 6 s: the union check (a DISTINCT over every quad) took over 3 s once on a busy 2-core machine. */
    static final SparqlConfig LIMITS = new SparqlConfig(Duration.ofSeconds(6), 1000, 2);
    static final String EXPLOSIVE = "SELECT (COUNT(*) AS ?n) { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }";
    static final Executor THREADS = Executors.newCachedThreadPool();
    static Instance tissu;

    private final Http1Client client;
    private final ObjectMapper json = new ObjectMapper();

    SparqlProtocolTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared(LIMITS);
        Main.server(server, tissu);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Http1ClientResponse get(String query, String accept, String... extra) {
        var req = client.get("/sparql").queryParam("query", query);
        for (int i = 0; i < extra.length; i += 2) {
            req.queryParam(extra[i], extra[i + 1]);
        }
        return req.header(HeaderNames.ACCEPT, accept).request();
    }

    JsonNode selectJson(Http1ClientResponse res) {
        try (res) {
            assertEquals(Status.OK_200, res.status(), () -> res.as(String.class));
            assertTrue(res.headers().contentType().orElseThrow().text().startsWith("application/sparql-results+json"));
            return json.readTree(res.as(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitRunning(int n) throws Exception {
        TestData.awaitRunningQueries(client, n);
    }

    long count(JsonNode results) {
        return results.path("results").path("bindings").get(0).path("n").path("value").asLong();
    }

    @Test
    void queryViaGet() {
        JsonNode r = selectJson(get("SELECT (COUNT(*) AS ?n) { ?s a <https://schema.org/NGO> }",
                "application/sparql-results+json"));
        assertEquals(2000, count(r));
    }

    @Test
    void queryViaUrlEncodedPost() {
        JsonNode r = selectJson(client.post("/sparql").header(HeaderNames.CONTENT_TYPE,
                "application/x-www-form-urlencoded")
                .header(HeaderNames.ACCEPT, "application/sparql-results+json")
                .submit("query=" + enc("SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/tissu/ns#Activity> }")));
        assertEquals(4000, count(r));
    }

    @Test
    void queryViaDirectPost() {
        JsonNode r = selectJson(client.post("/sparql").header(HeaderNames.CONTENT_TYPE, "application/sparql-query")
                .header(HeaderNames.ACCEPT, "application/sparql-results+json")
                .submit("SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/tissu/ns#SupportPoint> }"));
        long[] inStore = {0};
        tissu.store().select("SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/tissu/ns#SupportPoint> }",
                Duration.ofSeconds(5), row -> inStore[0] = row.getLiteral("n").getLong());
        assertTrue(inStore[0] > 100);
        assertEquals(inStore[0], count(r));
    }

    @Test
    void protocolDatasetSelectsGraphs() {
        String vocabulary = tissu.ids().graph("vocabulary").getURI();
        String reference = tissu.ids().graph("reference-communes").getURI();
        String communes = "SELECT (COUNT(*) AS ?n) { ?c a <http://rdf.insee.fr/def/geo#Commune> }";
        assertEquals(0,
                count(selectJson(get(communes, "application/sparql-results+json", "default-graph-uri", vocabulary))));
        assertEquals(37006, count(selectJson(get(communes, "application/sparql-results+json",
                "default-graph-uri", vocabulary, "default-graph-uri", reference))));
        JsonNode named = selectJson(get("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
                "application/sparql-results+json",
                "named-graph-uri", reference));
        assertEquals(1, named.path("results").path("bindings").size());
        assertEquals(reference, named.path("results").path("bindings").get(0).path("g").path("value").asText());
    }

    @Test
    void everyNamedGraphIsQueryableAndTheDefaultGraphIsTheirUnion() {
        JsonNode graphs = selectJson(get("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                "application/sparql-results+json"));
        assertEquals(8, count(graphs), "7 loaded graphs and the computed indicators");
        long inDefault = count(selectJson(get("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                "application/sparql-results+json")));
        long distinctInNamed = count(selectJson(get(
                "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }",
                "application/sparql-results+json")));
        assertTrue(inDefault > 1000, "the default graph holds the loaded data: " + inDefault);
        assertEquals(distinctInNamed, inDefault, "the default graph is the union (as a set) of the named graphs");
        JsonNode across = selectJson(get("SELECT (COUNT(*) AS ?n) { ?a a <https://w3id.org/tissu/ns#Activity> ; "
                + "<https://schema.org/organizer> ?o . ?o a <https://schema.org/NGO> }",
                "application/sparql-results+json"));
        assertTrue(count(across) > 0, "a pattern joins activities and associations loaded in different graphs");
    }

    @Test
    void resultFormatsFollowAcceptAndFormat() {
        String q = "SELECT ?code { ?c a <http://rdf.insee.fr/def/geo#Commune> ; <http://purl.org/dc/terms/identifier> ?code "
                + "FILTER(?code = \"35238\") }";
        try (Http1ClientResponse res = get(q, "application/sparql-results+xml")) {
            assertTrue(res.headers().contentType().orElseThrow().text().startsWith("application/sparql-results+xml"));
            assertTrue(res.as(String.class).contains("<literal>35238</literal>"));
        }
        try (Http1ClientResponse res = get(q, "text/csv")) {
            assertEquals("code\r\n35238\r\n", res.as(String.class));
        }
        try (Http1ClientResponse res = get(q, "text/tab-separated-values")) {
            assertEquals("?code\n\"35238\"\n", res.as(String.class));
        }
        try (Http1ClientResponse res = get(q, "application/sparql-results+json", "format", "csv")) {
            assertTrue(res.headers().contentType().orElseThrow().text().startsWith("text/csv"));
        }
        try (Http1ClientResponse res = get("ASK { ?s a <https://schema.org/NGO> }",
                "application/sparql-results+json")) {
            assertTrue(res.as(String.class).matches("(?s).*\"boolean\"\\s*:\\s*true.*"));
        }
    }

    @Test
    void constructAndDescribeAnswerInRdfFormats() {
        String construct = "CONSTRUCT { ?c <https://schema.org/name> ?n } WHERE { ?c <http://purl.org/dc/terms/identifier> "
                + "\"35238\" ; <https://schema.org/name> ?n }";
        for (String[] f : new String[][] {{"text/turtle", "TTL"}, {"application/n-triples", "N-TRIPLES"},
            {"application/ld+json", "JSON-LD"}, {"application/rdf+xml", "RDF/XML"}}) {
            try (Http1ClientResponse res = get(construct, f[0])) {
                assertEquals(Status.OK_200, res.status());
                assertTrue(res.headers().contentType().orElseThrow().text().startsWith(f[0]));
                Graph g = RDFParser.fromString(res.as(String.class), RDFLanguages.nameToLang(f[1]))
                        .toGraph();
                assertTrue(g.contains(Node.ANY, NodeFactory.createURI("https://schema.org/name"),
                        NodeFactory.createLiteralString("Rennes")), f[0]);
            }
        }
        try (Http1ClientResponse res = get("DESCRIBE ?c WHERE { ?c <http://purl.org/dc/terms/identifier> \"35238\" ; a "
                + "<http://rdf.insee.fr/def/geo#Commune> }", "text/turtle")) {
            assertTrue(res.as(String.class).contains("230890"));
        }
    }

    @Test
    void syntaxErrorIs400WithThePosition() {
        try (Http1ClientResponse res = get("SELECT * WHERE { ?s ?p }", "application/sparql-results+json")) {
            assertEquals(Status.BAD_REQUEST_400, res.status());
            String body = res.as(String.class);
            assertTrue(body.contains("\"line\":1") && body.contains("\"column\":24"), body);
        }
    }

    @Test
    void badRequestsGetTheStatusTheProtocolAsks() {
        try (Http1ClientResponse res = client.method(Method.PUT).path("/sparql").submit("ASK {}")) {
            assertEquals(Status.METHOD_NOT_ALLOWED_405, res.status());
            assertEquals("GET, HEAD, POST", res.headers().first(HeaderNames.ALLOW).orElse(null),
                    "RFC 9110 15.5.6: every method it takes, HEAD included");
        }
        try (Http1ClientResponse res = client.get("/sparql").queryParam("query", "ASK {}", "ASK {}")
                .header(HeaderNames.ACCEPT, "application/sparql-results+json").request()) {
            assertEquals(Status.BAD_REQUEST_400, res.status());
        }
        try (Http1ClientResponse res = client.post("/sparql").header(HeaderNames.CONTENT_TYPE, "text/plain")
                .submit("ASK {}")) {
            assertEquals(Status.UNSUPPORTED_MEDIA_TYPE_415, res.status());
        }
        try (Http1ClientResponse res = client.post("/sparql").submit("query=ASK%20%7B%7D")) {
            assertEquals(Status.UNSUPPORTED_MEDIA_TYPE_415, res.status(), "missing content type");
        }
        try (Http1ClientResponse res = client.post("/sparql")
                .header(HeaderNames.CONTENT_TYPE, "application/sparql-query; charset=ISO-8859-1").submit("ASK {}")) {
            assertEquals(Status.UNSUPPORTED_MEDIA_TYPE_415, res.status(), "non-UTF-8 query");
        }
        try (Http1ClientResponse res = get("ASK { ?s ?p ?o }", "image/png")) {
            assertEquals(Status.NOT_ACCEPTABLE_406, res.status());
        }
    }

    @Test
    void updatesAreRefusedAsReadOnly() {
        List<Http1ClientResponse> attempts = new ArrayList<>();
        attempts.add(client.get("/sparql").queryParam("update", "CLEAR ALL").request());
        attempts.add(client.post("/sparql").header(HeaderNames.CONTENT_TYPE, "application/sparql-update")
                .submit("CLEAR ALL"));
        attempts.add(client.post("/sparql").header(HeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .submit("update=" + enc("CLEAR ALL")));
        attempts.add(client.post("/sparql").header(HeaderNames.CONTENT_TYPE, "application/sparql-query")
                .submit("CLEAR ALL"));
        for (Http1ClientResponse res : attempts) {
            try (res) {
                assertEquals(Status.BAD_REQUEST_400, res.status());
            }
        }
        assertEquals(2000, count(selectJson(get("SELECT (COUNT(*) AS ?n) { ?s a <https://schema.org/NGO> }",
                "application/sparql-results+json"))), "nothing was cleared");
    }

    @Test
    void federationAndCodeFunctionsAreRefused() {
        try (Http1ClientResponse res = get("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                "application/sparql-results+json")) {
            assertEquals(Status.BAD_REQUEST_400, res.status());
            assertTrue(res.as(String.class).contains("SERVICE"));
        }
        String java = "<java:org.apache.jena.sparql.function.library.sha256>";
        String js = "<http://jena.apache.org/ARQ/jsFunction#f>";
        for (String q : List.of("SELECT * { BIND(<java:java.lang.System>(\"x\") AS ?x) }",
                "SELECT (SUM(" + java + "(?o)) AS ?n) { ?s ?p ?o }",
                "SELECT ?s { ?s ?p ?o } ORDER BY " + java + "(?o) LIMIT 1",
                "SELECT ?g (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (" + java + "(?s) AS ?g)",
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } HAVING (" + java + "(?n))",
                "SELECT * { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?ns ?local) }",
                "SELECT (MAX(" + js + "(?o)) AS ?n) { ?s ?p ?o }",
                "ASK { ?s ?p ?o FILTER(" + js + "(?o)) }")) {
            try (Http1ClientResponse res = get(q, "application/sparql-results+json")) {
                String body = res.as(String.class);
                assertEquals(Status.BAD_REQUEST_400, res.status(), q + " -> " + body);
                assertTrue(body.contains("not available on this endpoint"), body);
            }
        }
    }

    @Test
    void graphsAreCappedAndSaySo() {
        for (String q : List.of("DESCRIBE ?s WHERE { ?s ?p ?o }",
                "CONSTRUCT { ?s ?p ?o . ?s <http://example.org/copy> ?o } WHERE { ?s ?p ?o }")) {
            try (Http1ClientResponse res = get(q, "application/n-triples")) {
                assertEquals(Status.OK_200, res.status());
                assertEquals("1000", res.headers().first(HeaderNames.create("Tissu-Triple-Limit")).orElse(""), q);
                String body = res.as(String.class);
                long triples = body.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
                assertEquals(1000, triples, q);
                assertTrue(body.strip().endsWith("# truncated: this result stops after 1000 triples "
                        + "(Tissu-Triple-Limit)"), q);
                // the result parses, comment included (a CONSTRUCT stream may repeat a triple: a graph is a set)
                long parsed = org.apache.jena.riot.RDFParser.fromString(body, org.apache.jena.riot.Lang.NTRIPLES)
                        .toGraph().size();
                assertTrue(parsed > 900 && parsed <= 1000, q + ": " + parsed);
            }
        }
        try (Http1ClientResponse res = get("DESCRIBE ?s WHERE { ?s ?p ?o }", "text/turtle")) {
            assertEquals("1000", res.headers().first(HeaderNames.create("Tissu-Describe-Limit")).orElse(""));
        }
        try (Http1ClientResponse res = get("CONSTRUCT WHERE { ?s a <https://schema.org/NGO> } LIMIT 5",
                "application/n-triples")) {
            assertFalse(res.as(String.class).contains("truncated"), "a small graph is whole");
        }
    }

    @Test
    void rowCapIsSignalledNotSilent() {
        try (Http1ClientResponse res = get("SELECT ?s ?p ?o { ?s ?p ?o }", "application/sparql-results+json")) {
            assertEquals("1000", res.headers().first(HeaderNames.create("Tissu-Row-Limit")).orElse(""));
            JsonNode r = json.readTree(res.as(String.class));
            assertEquals(1000, r.path("results").path("bindings").size());
            assertEquals(1000, r.path("truncated").path("rowLimit").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Http1ClientResponse res = get("SELECT ?s { ?s ?p ?o } LIMIT 10", "text/csv")) {
            assertTrue(res.headers().first(HeaderNames.create("Tissu-Row-Limit")).isEmpty(),
                    "a small LIMIT is not cut");
            assertEquals(11, res.as(String.class).split("\r\n").length);
        }
    }

    @Test
    void explosiveQueryStopsAtTheTimeoutWhileOthersAreServed() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Status> explosive = CompletableFuture.supplyAsync(() -> {
            try (Http1ClientResponse res = get(EXPLOSIVE, "application/sparql-results+json")) {
                return res.status();
            }
        }, THREADS);
        awaitRunning(1);
        assertEquals(2000, count(selectJson(get("SELECT (COUNT(*) AS ?n) { ?s a <https://schema.org/NGO> }",
                "application/sparql-results+json"))));
        assertFalse(explosive.isDone(), "a small query is served while the explosive one still runs");
        assertEquals(Status.SERVICE_UNAVAILABLE_503, explosive.get(30, TimeUnit.SECONDS));
        long ms = (System.nanoTime() - start) / 1_000_000;
        // the bound is loose on purpose (a busy machine is slow); the query alone would run for hours
        assertTrue(ms >= LIMITS.timeout().toMillis() && ms < 10 * LIMITS.timeout().toMillis(),
                "stopped after " + ms + " ms, for a timeout of " + LIMITS.timeout().toMillis() + " ms");
    }

    @Test
    void concurrentQueriesBeyondTheCapGet429WithRetryAfter() throws Exception {
        List<CompletableFuture<Status>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try (Http1ClientResponse res = get(EXPLOSIVE, "application/sparql-results+json")) {
                    return res.status();
                }
            }, THREADS));
        }
        awaitRunning(2);
        try (Http1ClientResponse res = get("ASK { ?s ?p ?o }", "application/sparql-results+json")) {
            assertEquals(Status.TOO_MANY_REQUESTS_429, res.status());
            assertTrue(res.headers().contains(HeaderNames.RETRY_AFTER));
        }
        for (CompletableFuture<Status> f : running) {
            assertEquals(Status.SERVICE_UNAVAILABLE_503, f.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void serviceDescriptionAndVoid() {
        try (Http1ClientResponse res = client.get("/sparql").header(HeaderNames.ACCEPT, "text/turtle").request()) {
            Graph sd = RDFParser.fromString(res.as(String.class), Lang.TURTLE).toGraph();
            assertTrue(sd.contains(NodeFactory.createURI(TestData.BASE + "/sparql"),
                    NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    NodeFactory.createURI("http://www.w3.org/ns/sparql-service-description#Service")));
        }
        try (Http1ClientResponse res = client.get("/.well-known/void").header(HeaderNames.ACCEPT, "text/turtle")
                .request()) {
            String ttl = res.as(String.class);
            Graph v = RDFParser.fromString(ttl, Lang.TURTLE).toGraph();
            assertTrue(v.contains(Node.ANY, NodeFactory.createURI("http://rdfs.org/ns/void#class"),
                    NodeFactory.createURI("https://schema.org/NGO")));
            assertFalse(v.find(Node.ANY, NodeFactory.createURI("http://rdfs.org/ns/void#triples"),
                    Node.ANY).toList().isEmpty());
        }
    }

    @Test
    void browsersGetTheQueryPageWithOnlyLocalAssets() {
        try (Http1ClientResponse res = client.get("/sparql").header(HeaderNames.ACCEPT, "text/html").request()) {
            String html = res.as(String.class);
            assertTrue(html.contains("id=\"query\""));
            assertTrue(html.contains("<script src=\"/sparql/assets/page.js\""));
            assertFalse(html.matches("(?s).*(src|href)=\"https?://(?!www\\.etalab\\.gouv\\.fr).*"),
                    "no script, style or link to another host (the licence link excepted)");
        }
        try (Http1ClientResponse res = client.get("/sparql/examples.json").request()) {
            assertTrue(res.as(String.class).contains("\"fr\""));
        }
        try (Http1ClientResponse res = client.get("/sparql/assets/page.js").request()) {
            assertEquals(Status.OK_200, res.status());
        }
    }
}
