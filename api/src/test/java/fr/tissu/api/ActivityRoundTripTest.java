package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import fr.tissu.loader.FileReport;
import fr.tissu.loader.Loader;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff download the activities ({@code format=csv}), edit them in a spreadsheet and load them back: the export is
 * the import template, so loading it unchanged gives the same triples, and an edited cell changes only its triple.
 */
@ServerTest
@Tag(SharedSample.TAG)
class ActivityRoundTripTest {
    private static final String GRAPH = TestData.BASE + "/graph/activites.csv";
    private final RestClient rest;

    ActivityRoundTripTest(Http1Client client) {
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    private String export() {
        RestClient.Response res = rest.get("/api/v1/activities?format=csv");
        assertEquals(200, res.status(), res.body());
        return res.body();
    }

    @Test
    void theExportIsTheImportTemplate() throws IOException {
        String csv = export();
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark, for spreadsheets");
        String header = csv.substring(1, csv.indexOf("\r\n"));
        Path sample = Path.of("../loader/src/main/resources/fr/tissu/loader/sample/activites.csv");
        assertEquals(Files.readAllLines(sample, StandardCharsets.UTF_8).get(0).replace("\"", ""), header,
                "the sample file's header, column by column");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(csv.substring(1))).getRecords();
        assertTrue(rows.stream().allMatch(r -> r.get("jours").matches("(lundi|mardi|mercredi|jeudi|vendredi|samedi"
                + "|dimanche)(\\|(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))*")), "French day names");
        assertTrue(rows.stream().allMatch(r -> r.get("heure_debut").matches("\\d\\d:\\d\\d")), "HH:MM");
        assertEquals(java.util.Set.of("oui", "non"), rows.stream().map(r -> r.get("accessible"))
                .filter(v -> !v.isEmpty()).collect(Collectors.toSet()));
    }

    @Test
    void loadingTheExportGivesTheSameTriples(@TempDir Path dir) throws IOException {
        Graph published = activities(TestData.shared().store());
        String csv = export();
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")))) {
            Loader loader = new Loader(store, new Ids(TestData.BASE));
            Path file = dir.resolve("activites.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            FileReport report = loader.load(file, Loader.Options.strict());
            assertEquals(FileReport.Status.LOADED, report.status(), report.problems().toString());
            assertSame(published, activities(store));

            // a clerk renames one activity in a spreadsheet set to French, which writes the dates as 01/09/2026
            String first = csv.split("\r\n")[1];
            String title = first.split(";")[2];
            String edited = csv.replace(first, first.replace(";" + title + ";", ";" + title + " (nouveau);"))
                    .replaceAll("(?<=;)(\\d{4})-(\\d{2})-(\\d{2})(?=;)", "$3/$2/$1");
            assertTrue(edited.contains("/09/"), "season dates in the French form");
            Files.writeString(file, edited, StandardCharsets.UTF_8);
            assertEquals(FileReport.Status.LOADED, loader.load(file, Loader.Options.strict()).status());
            Graph after = activities(store);
            Graph removed = difference(published, after);
            Graph added = difference(after, published);
            assertEquals(1, removed.size(), removed.toString());
            assertEquals(1, added.size(), added.toString());
            Triple changed = added.find().next();
            assertEquals("https://schema.org/name", changed.getPredicate().getURI());
            assertTrue(changed.getObject().getLiteralLexicalForm().endsWith(" (nouveau)"));
        }
    }

    /** The activities graph without its provenance (which records when and from which file it was loaded). */
    private static Graph activities(Store store) {
        Graph all = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + GRAPH + "> { ?s ?p ?o } }",
                Duration.ofMinutes(1));
        Graph data = GraphFactory.createDefaultGraph();
        all.find().forEach(t -> {
            if (!(t.getSubject().isURI() && t.getSubject().getURI().startsWith(GRAPH))) {
                data.add(t);
            }
        });
        return data;
    }

    private static Graph difference(Graph a, Graph b) {
        Graph d = GraphFactory.createDefaultGraph();
        a.find().forEach(t -> {
            if (!b.contains(t)) {
                d.add(t);
            }
        });
        return d;
    }

    private static void assertSame(Graph expected, Graph actual) {
        assertTrue(expected.size() > 1000, "the sample's activities: " + expected.size() + " triples");
        Graph missing = difference(expected, actual);
        Graph extra = difference(actual, expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing.size() + ": "
                + missing.find().toList().stream().limit(5).toList() + "\nextra " + extra.size() + ": "
                + extra.find().toList().stream().limit(5).toList());
    }
}
