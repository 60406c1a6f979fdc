package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import fr.tissu.api.catalog.Catalog;
import fr.tissu.api.catalog.CatalogService;
import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.loader.Loader;
import fr.tissu.loader.SourceFormat;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The DCAT-AP catalogue as portals harvest it: valid against the official shapes, stable, with true checksums. */
@ServerTest
@Tag(SharedSample.TAG)
class CatalogTest {
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    private final Http1Client client;

    CatalogTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    Model get(String path, String accept, Lang lang) {
        try (Http1ClientResponse r = client.get(path).header(HeaderNames.ACCEPT, accept).request()) {
            assertEquals(200, r.status().code(), path);
            Model m = ModelFactory.createDefaultModel();
            RDFParser.source(new ByteArrayInputStream(r.as(byte[].class))).lang(lang).parse(m);
            return m;
        }
    }

    @Test
    void theServedCatalogueHasNoViolationOfTheDcatAp301Shapes() {
        Model catalog = get("/catalog", "text/turtle", Lang.TURTLE);
        ValidationReport report = CatalogService.validate(catalog);
        List<String> problems = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            problems.add(e.severity().level().getLocalName() + " " + e.focusNode() + " " + e.resultPath() + ": "
                    + e.message());
        }
        assertEquals(List.of(), problems);
        assertTrue(report.conforms());
        assertEquals(Catalog.DATASETS.size(), catalog.listSubjectsWithProperty(RDF.type,
                catalog.createResource(DCAT + "Dataset")).toList().stream()
                .filter(r -> catalog.contains(r, catalog.createProperty(DCT, "title"))).count());
        assertEquals(3, catalog.listSubjectsWithProperty(RDF.type, catalog.createResource(DCAT + "DataService"))
                .toList().size());
        Resource activities = catalog.createResource(Catalog.datasetUri(TestData.BASE, "activities"));
        Resource period = activities.getPropertyResourceValue(catalog.createProperty(DCT, "temporal"));
        assertEquals("2025-09-01", period.getProperty(catalog.createProperty(DCAT, "startDate")).getString(),
                "the sample's seasons start in September 2025");
        try (Http1ClientResponse r = client.get("/catalog/validation").request()) {
            assertEquals("true", r.headers().get(HeaderNames.create("Tissu-Conforms")).get());
        }
    }

    @Test
    void theOfficialShapesDoCatchMistakes() {
        Model catalog = get("/catalog", "text/turtle", Lang.TURTLE);
        Resource dataset = catalog.createResource(Catalog.datasetUri(TestData.BASE, "associations"));
        catalog.removeAll(dataset, catalog.createProperty(DCT, "description"), null);
        catalog.add(dataset, catalog.createProperty(DCAT, "theme"), catalog.createResource("http://example.org/untyped"));
        ValidationReport report = CatalogService.validate(catalog);
        assertTrue(report.getEntries().size() >= 2, report.getEntries().toString());
    }

    @Test
    void everySyntaxSaysTheSameAndIdentifiersAreStable() {
        Model turtle = get("/catalog", "text/turtle", Lang.TURTLE);
        assertTrue(turtle.isIsomorphicWith(get("/catalog.ttl", "*/*", Lang.TURTLE)));
        assertTrue(turtle.isIsomorphicWith(get("/catalog.jsonld", "*/*", Lang.JSONLD)));
        assertTrue(turtle.isIsomorphicWith(get("/catalog.rdf", "*/*", Lang.RDFXML)));
        assertTrue(turtle.isIsomorphicWith(get("/catalog", "application/n-triples", Lang.NTRIPLES)));
        Set<String> ids = identifiers(turtle);
        assertTrue(ids.contains(TestData.BASE + "/dataset/associations"), ids.toString());
        assertEquals(ids, identifiers(get("/catalog", "text/turtle", Lang.TURTLE)), "same identifiers on every run");
        try (Http1ClientResponse r = client.get("/catalog").header(HeaderNames.ACCEPT, "text/html").request()) {
            assertTrue(r.as(String.class).contains("href=\"/catalog/associations\""));
        }
        try (Http1ClientResponse r = client.get("/catalog/associations").request()) {
            assertEquals(200, r.status().code());
            assertTrue(r.as(String.class).contains("N-Triples"));
        }
    }

    @Test
    void aDatasetPageListsEveryFileOfTheCatalogueTablesFirstWithLicencePublisherAndDates() {
        Model catalog = get("/catalog", "text/turtle", Lang.TURTLE);
        for (String dataset : List.of("support-points", "associations", "indicators")) {
            Set<String> expected = new TreeSet<>();
            catalog.getResource(TestData.BASE + "/dataset/" + dataset).listProperties(catalog.createProperty(DCAT,
                    "distribution")).forEach(d -> {
                        Resource url = d.getResource().getPropertyResourceValue(catalog.createProperty(DCAT,
                                "downloadURL"));
                        if (url != null && url.getURI().contains("/downloads/")) {
                            expected.add(url.getURI().substring(TestData.BASE.length()));
                        }
                    });
            assertTrue(expected.size() >= 4, dataset + ": " + expected);
            Document page;
            try (Http1ClientResponse r = client.get("/catalog/" + dataset).request()) {
                assertEquals(200, r.status().code());
                page = Jsoup.parse(r.as(String.class));
            }
            List<String> links = page.select("main li > a[href^=/downloads/dumps/]").eachAttr("href");
            assertEquals(expected, new TreeSet<>(links.stream().filter(h -> h.contains("/dumps/v")).toList()),
                    dataset + ": every file the catalogue lists (its permanent link), no other");
            List<String> latest = links.stream().filter(h -> !h.contains("/dumps/v")).toList();
            assertEquals(expected.size(), latest.size(), "and the latest version of each: " + latest);
            assertTrue(latest.getFirst().endsWith(".csv"), dataset + ": a table first, for people: " + latest);
            String about = page.selectFirst("main dl").text();
            assertTrue(about.contains("Licence Ouverte 2.0") && about.contains("Producteur")
                    && about.contains("Dernière mise à jour") && about.contains("Territoire"), about);
            if (dataset.equals("indicators")) {
                assertTrue(about.matches(".*Période couverte du \\d{4}-01-01 au \\d{4}-12-31.*"), about);
            }
        }
    }

    @Test
    void dumpsAreDistributionsWithTheirTrueSizeAndChecksum() throws Exception {
        Model catalog = get("/catalog", "text/turtle", Lang.TURTLE);
        List<Resource> downloads = catalog.listSubjectsWithProperty(catalog.createProperty(DCAT, "downloadURL"))
                .toList();
        assertTrue(downloads.size() >= 24, "dumps: " + downloads.size());
        assertTrue(downloads.stream().anyMatch(d -> d.getURI().endsWith("/dataset/places/distribution/nt-gz")),
                "places have their own dumps");
        Map<String, Model> dumps = new HashMap<>();
        for (Resource d : downloads) {
            String url = d.getPropertyResourceValue(catalog.createProperty(DCAT, "downloadURL")).getURI();
            String path = url.substring(TestData.BASE.length());
            byte[] file;
            try (Http1ClientResponse r = client.get(path).request()) {
                assertEquals(200, r.status().code(), path);
                file = r.as(byte[].class);
            }
            long size = d.getProperty(catalog.createProperty(DCAT, "byteSize")).getLong();
            assertEquals(file.length, size, path);
            RDFNode checksum = d.getPropertyResourceValue(catalog.createProperty("http://spdx.org/rdf/terms#", "checksum"))
                    .getProperty(catalog.createProperty("http://spdx.org/rdf/terms#", "checksumValue")).getObject();
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)),
                    checksum.asLiteral().getLexicalForm(), path);
            if (path.endsWith(".nt.gz") || path.endsWith(".ttl.gz") || path.endsWith(".jsonld.gz")) {
                Model dump = ModelFactory.createDefaultModel();
                RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(file)))
                        .lang(path.endsWith(".nt.gz") ? Lang.NTRIPLES : path.endsWith(".ttl.gz") ? Lang.TURTLE
                                : Lang.JSONLD).parse(dump);
                assertTrue(dump.size() > 0, path);
                dumps.merge(path.replaceAll("\\.(nt|ttl|jsonld)\\.gz$", ""), dump, (a, b) -> {
                    assertTrue(a.isIsomorphicWith(b), "the N-Triples, Turtle and JSON-LD dumps hold the same triples: "
                            + path);
                    return a;
                });
            }
        }
    }

    @Test
    void tabularDatasetsAlsoComeAsCsvOneRowPerThing() throws Exception {
        Map<String, String> counts = Map.of("associations", "?s a <https://schema.org/NGO>",
                "activities", "?s a <https://w3id.org/tissu/ns#Activity>",
                "indicators", "?s <http://purl.org/linked-data/sdmx/2009/dimension#refArea> ?a");
        for (var e : counts.entrySet()) {
            byte[] file;
            try (Http1ClientResponse r = client.get("/downloads/dumps/" + e.getKey() + ".csv").request()) {
                assertEquals(200, r.status().code(), e.getKey());
                file = r.as(byte[].class);
            }
            var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(new ByteArrayInputStream(file),
                            StandardCharsets.UTF_8)).getRecords();
            long[] n = {0};
            TestData.shared().store().select("SELECT (COUNT(DISTINCT ?s) AS ?n) { " + e.getValue() + " }",
                    Duration.ofSeconds(20), r -> n[0] = r.getLiteral("n").getLong());
            assertTrue(n[0] > 1000, e.getKey());
            assertEquals(n[0], records.size(), e.getKey());
            assertTrue(records.get(0).get(1).length() > 0, e.getKey() + ": " + records.get(0));
        }
    }

    @Test
    void theIndicatorsDatasetNamesItsDataCubeStructure() {
        Model catalog = get("/catalog", "text/turtle", Lang.TURTLE);
        Resource indicators = catalog.createResource(Catalog.datasetUri(TestData.BASE, "indicators"));
        assertTrue(indicators.hasProperty(catalog.createProperty(DCT, "conformsTo"),
                catalog.createResource("https://w3id.org/tissu/ns#indicatorStructure")));
    }

    @Test
    void theSupportPointsComeInTheNationalSchemaEveryRowValid(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Model catalog = get("/catalog", "text/turtle", Lang.TURTLE);
        Resource csv = catalog.listSubjectsWithProperty(catalog.createProperty(DCT, "conformsTo"),
                catalog.createResource("https://raw.githubusercontent.com/LaMednum/standard-mediation-num/v1.0.2/schema.json"))
                .filterKeep(r -> r.hasProperty(catalog.createProperty(DCAT, "downloadURL"))).next();
        String path = csv.getPropertyResourceValue(catalog.createProperty(DCAT, "downloadURL")).getURI()
                .substring(TestData.BASE.length());
        Path file = dir.resolve("lieux.csv");
        try (Http1ClientResponse r = client.get(path).request()) {
            assertEquals(200, r.status().code());
            Files.write(file, r.as(byte[].class));
        }
        // read back by the loader, which checks every row against the standard's own schema.json
        var report = new Loader(null, TestData.shared().ids()).load(file,
                new Loader.Options(Loader.Mode.STRICT, true,
                        SourceFormat.SUPPORT_POINTS, false));
        assertEquals(0, report.rejected(), report.problems().toString());
        long[] points = {0};
        TestData.shared().store().select("SELECT (COUNT(*) AS ?n) { ?p a <https://w3id.org/tissu/ns#SupportPoint> }",
                Duration.ofSeconds(10), r -> points[0] = r.getLiteral("n").getLong());
        assertTrue(points[0] > 100);
        assertEquals(points[0], report.accepted());
    }

    @Test
    void hydraPagesABigCatalogue() {
        Instance base = TestData.shared();
        TissuConfig c = base.config();
        CatalogConfig small = new CatalogConfig("Test", "243500139", "a@example.org", "http://example.org/", "35238",
                "test", 3);
        Instance paged = new Instance(new TissuConfig(c.baseUri(), c.dataDir(), c.storeKind(), c.loadSampleOnEmpty(),
                c.queryTimeout(), c.dataLicense(), c.title(), c.sparql(), small, c.publicUrl(), c.baseConfigured(),
                c.admin(), c.remote()), base.ids(), base.store(), base.index());
        Set<String> seen = new TreeSet<>();
        int pages = 0;
        for (int page = 1; page <= 3; page++) {
            Model m = Catalog.build(paged, Map.of(), page);
            Resource catalog = m.createResource(Catalog.uri(c.baseUri()));
            assertEquals(Catalog.DATASETS.size(), catalog.getProperty(m.createProperty(
                    "http://www.w3.org/ns/hydra/core#", "totalItems")).getInt());
            catalog.listProperties(m.createProperty(DCAT, "dataset")).forEach(s -> seen.add(s.getResource().getURI()));
            Resource view = catalog.getPropertyResourceValue(m.createProperty("http://www.w3.org/ns/hydra/core#", "view"));
            boolean next = view.hasProperty(m.createProperty("http://www.w3.org/ns/hydra/core#", "next"));
            assertEquals(page < 3, next);
            pages++;
            assertTrue(CatalogService.validate(m).conforms(), "page " + page);
        }
        assertEquals(3, pages);
        assertEquals(Catalog.DATASETS.size(), seen.size());
    }

    private static Set<String> identifiers(Model m) {
        Set<String> ids = new TreeSet<>();
        m.listObjectsOfProperty(m.createProperty(DCT, "identifier")).forEach(o -> ids.add(o.toString()));
        return ids;
    }
}
