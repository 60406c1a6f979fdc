package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.store.GraphWriter;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The W3C SPARQL 1.1 Protocol test manifest ({@code w3c/rdf-tests}, shipped in the test resources with its licence),
 * driven from the manifest file itself against a real server on a random port: each test's requests (method, path,
 * headers, body and its encoding) are sent as written, and each response is checked as the manifest says (status
 * class, result format, boolean). Every test runs twice: with the manifest's headers, and adding
 * {@code Accept: *}{@code /*} (what curl, Python requests and fetch send) to requests that carry no {@code Accept}.
 * The endpoint is read-only: in an update test, the update must be refused with a 4xx and the store stay unchanged,
 * so the test's own check then finds nothing.
 */
class W3cProtocolManifestTest {
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
    static final String RESOURCES = "w3c-protocol/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Path dir;
    static Instance tissu;
    static WebServer server;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("tissu-w3c");
        tissu = Instance.open(new TissuConfig("http://data.example.org", dir, "memory", false, Duration.ofSeconds(10),
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (W3C protocol tests)",
                SparqlConfig.defaults(), CatalogConfig.defaults()));
        for (int i = 1; i <= 3; i++) {
            Model data = ModelFactory.createDefaultModel();
            try (InputStream in = resource("data" + i + ".nt")) {
                RDFDataMgr.read(data, in, Lang.NTRIPLES);
            }
            try (GraphWriter writer = tissu.store().replace(NodeFactory.createURI(
                    "http://kasei.us/2009/09/sparql/data/data" + i + ".rdf"))) {
                data.getGraph().find().forEachRemaining(writer::add);
                writer.commit();
            }
        }
        server = Main.start(Config.empty(), tissu, 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        tissu.close();
    }

    static InputStream resource(String name) {
        return W3cProtocolManifestTest.class.getResourceAsStream(RESOURCES + name);
    }

    /** One request of a test, as the manifest writes it, and what its response must be. */
    record Exchange(String method, String path, List<String[]> headers, String body, String encoding,
                    List<String> statuses, String format, Boolean bool) {
        boolean isUpdate() {
            return headers.stream().anyMatch(h -> h[1].startsWith("application/sparql-update"))
                    || body != null && body.startsWith("update=") || path.contains("update=");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTestOfTheManifest() throws IOException {
        Model manifest = ModelFactory.createDefaultModel();
        try (InputStream in = resource("manifest.ttl")) {
            RDFDataMgr.read(manifest, in, "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest",
                    Lang.TURTLE);
        }
        Resource root = manifest.listSubjectsWithProperty(p(manifest, MF, "entries")).next();
        List<DynamicTest> tests = new ArrayList<>();
        RDFList entries = root.getPropertyResourceValue(p(manifest, MF, "entries")).as(RDFList.class);
        for (RDFNode entry : entries.asJavaList()) {
            Resource test = entry.asResource();
            String name = test.getProperty(p(manifest, MF, "name")).getString();
            List<Exchange> exchanges = exchanges(manifest, test);
            tests.add(DynamicTest.dynamicTest(test.getLocalName() + ": " + name, () -> run(exchanges, false)));
            tests.add(DynamicTest.dynamicTest(test.getLocalName() + " (Accept: */*): " + name,
                    () -> run(exchanges, true)));
        }
        assertEquals(34, tests.size() / 2, "the manifest's 34 tests");
        return tests.stream();
    }

    static List<Exchange> exchanges(Model m, Resource test) {
        Resource action = test.getPropertyResourceValue(p(m, MF, "action"));
        List<Exchange> list = new ArrayList<>();
        for (RDFNode r : action.getPropertyResourceValue(p(m, HT, "requests")).as(RDFList.class).asJavaList()) {
            Resource req = r.asResource();
            List<String[]> headers = new ArrayList<>();
            Resource hs = req.getPropertyResourceValue(p(m, HT, "headers"));
            if (hs != null) {
                for (RDFNode h : hs.as(RDFList.class).asJavaList()) {
                    headers.add(new String[] {h.asResource().getProperty(p(m, HT, "fieldName")).getString(),
                            h.asResource().getProperty(p(m, HT, "fieldValue")).getString()});
                }
            }
            Resource body = req.getPropertyResourceValue(p(m, HT, "body"));
            Resource resp = req.getPropertyResourceValue(p(m, HT, "resp"));
            List<String> statuses = new ArrayList<>();
            resp.listProperties(p(m, MF, "expectedStatus")).forEach(s -> statuses.add(s.getResource().getLocalName()));
            String format = resp.hasProperty(p(m, MF, "expectedFormat"))
                    ? resp.getProperty(p(m, MF, "expectedFormat")).getString() : null;
            Boolean bool = resp.hasProperty(p(m, MF, "expectedBoolean"))
                    ? resp.getProperty(p(m, MF, "expectedBoolean")).getBoolean() : null;
            list.add(new Exchange(req.getProperty(p(m, HT, "methodName")).getString(),
                    req.getProperty(p(m, HT, "absolutePath")).getString(), headers,
                    body == null ? null : body.getProperty(p(m, CNT, "chars")).getString(),
                    body == null || !body.hasProperty(p(m, CNT, "characterEncoding")) ? "UTF-8"
                            : body.getProperty(p(m, CNT, "characterEncoding")).getString(),
                    statuses, format, bool));
        }
        return list;
    }

    static void run(List<Exchange> exchanges, boolean acceptAny) throws Exception {
        boolean update = exchanges.stream().anyMatch(Exchange::isUpdate);
        long triplesBefore = triples();
        for (Exchange e : exchanges) {
            // the manifest's paths start with /sparql/: this endpoint's path is /sparql
            String path = e.path().replaceFirst("^/sparql/", "/sparql");
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                    .timeout(Duration.ofSeconds(30));
            for (String[] h : e.headers()) {
                req.header(h[0], h[1]);
            }
            if (acceptAny && e.headers().stream().noneMatch(h -> h[0].equalsIgnoreCase("accept"))) {
                req.header("Accept", "*/*");
            }
            req.method(e.method(), e.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(e.body().getBytes(Charset.forName(e.encoding()))));
            HttpResponse<byte[]> res = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            String what = e.method() + " " + path + " -> " + res.statusCode() + " "
                    + new String(res.body(), StandardCharsets.UTF_8);
            if (update) {
                // read-only: the update is refused; the test's check then finds the store unchanged
                if (e.isUpdate()) {
                    assertTrue(res.statusCode() >= 400 && res.statusCode() < 500, what);
                    continue;
                }
                assertEquals(200, res.statusCode(), what);
                if (e.bool() != null) {
                    assertFalse(readBoolean(res, what), "the refused update changed nothing: " + what);
                }
                continue;
            }
            String statusClass = "StatusCode" + res.statusCode() / 100 + "xx";
            assertTrue(e.statuses().contains(statusClass), "expected " + e.statuses() + ": " + what);
            if (e.format() != null) {
                checkFormat(res, e.format(), what);
            }
            if (e.bool() != null) {
                assertEquals(e.bool(), readBoolean(res, what), what);
            }
        }
        assertEquals(triplesBefore, triples(), "no request changed the store");
    }

    static void checkFormat(HttpResponse<byte[]> res, String format, String what) {
        String type = res.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").trim()
                .toLowerCase(Locale.ROOT);
        switch (format) {
            case "boolean" -> assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml")
                    .contains(type), type + ": " + what);
            case "tabular" -> {
                Lang lang = switch (type) {
                    case "application/sparql-results+json" -> ResultSetLang.RS_JSON;
                    case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
                    case "text/csv" -> ResultSetLang.RS_CSV;
                    case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
                    default -> throw new AssertionError("not a tabular result type: " + type + ": " + what);
                };
                ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(res.body()), lang);
                assertTrue(rs.hasNext(), what);
            }
            case "RDF" -> {
                Lang lang = RDFLanguages.contentTypeToLang(type);
                assertTrue(lang != null && RDFLanguages.isTriples(lang), "not an RDF type: " + type + ": " + what);
                RDFParser.source(new ByteArrayInputStream(res.body())).lang(lang).toGraph();
            }
            default -> throw new AssertionError("unknown expected format " + format);
        }
    }

    static boolean readBoolean(HttpResponse<byte[]> res, String what) {
        String type = res.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").trim();
        Lang lang = type.equals("application/sparql-results+xml") ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON;
        assertTrue(type.startsWith("application/sparql-results+"), "boolean results: " + type + ": " + what);
        return ResultsReader.create().lang(lang).build()
                .readAny(new ByteArrayInputStream(res.body())).getBooleanResult();
    }

    static long triples() {
        long[] n = {0};
        tissu.store().select("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", Duration.ofSeconds(10),
                r -> n[0] = r.getLiteral("n").getLong());
        return n[0];
    }

    static Property p(Model m, String ns, String local) {
        return m.createProperty(ns, local);
    }

    static {
        // fail early with a clear message if the resources are not on the class path
        if (resource("manifest.ttl") == null) {
            throw new UncheckedIOException(new IOException("the W3C protocol manifest is missing from the test "
                    + "resources"));
        }
    }
}
