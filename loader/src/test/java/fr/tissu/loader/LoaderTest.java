package fr.tissu.loader;

import static fr.tissu.loader.Fixtures.association;
import static fr.tissu.loader.Fixtures.csv;
import static fr.tissu.loader.Fixtures.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.tissu.loader.FileReport.Status;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real loader on real-format files and a TDB2 store in a temporary directory. */
class LoaderTest {
    static final Duration T = Duration.ofSeconds(30);
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;
    Store store;
    Loader loader;

    @BeforeEach
    void open() {
        store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")));
        loader = new Loader(store, new Ids(Fixtures.BASE));
    }

    @AfterEach
    void close() {
        store.close();
    }

    long count(String where) {
        long[] n = {0};
        store.select("PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/> "
                + "PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX qb: <http://purl.org/linked-data/cube#> "
                + "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }", T, r -> n[0] = r.getLiteral("n").getLong());
        return n[0];
    }

    String name(String rna) {
        List<String> names = new ArrayList<>();
        store.select("SELECT ?n WHERE { <" + Fixtures.BASE + "/id/association/" + rna
                + "> <https://schema.org/name> ?n }",
                T, r -> names.add(r.getLiteral("n").getLexicalForm()));
        return names.isEmpty() ? null : names.get(0);
    }

    FileReport load(Path file) {
        return loader.load(file, Loader.Options.strict());
    }

    FileReport loadSkipping(Path file) {
        return loader.load(file, new Loader.Options(Loader.Mode.SKIP_INVALID, false, null, false));
    }

    @Test
    void loadsAnRnaExtractIntoItsOwnGraphWithProvenance() {
        FileReport report = load(write(dir, "rna.csv", csv(Fixtures.associations(3)), UTF_8));
        assertEquals(Status.LOADED, report.status(), report.problems().toString());
        assertEquals("rna", report.format());
        assertEquals(3, report.accepted());
        assertEquals(3, count("?a a schema:NGO"));
        assertEquals("Judo Club de Rennes W350000002", name("W350000002"));
        assertEquals(1, count("GRAPH <" + report.graph() + "> { <" + report.graph() + "> tissu:rowsAccepted 3 ; "
                + "<http://spdx.org/rdf/terms#checksum>/<http://spdx.org/rdf/terms#checksumValue> ?sha }"));
        assertEquals(3, count("?a <http://www.w3.org/ns/regorg#orgStatus> <https://w3id.org/tissu/status/active> ; "
                + "tissu:commune <" + Fixtures.BASE
                + "/id/commune/35238> ; dct:subject <https://w3id.org/tissu/theme/sport>"));
    }

    @Test
    void neverPublishesTheDirectorsCivility() {
        List<Map<String, String>> rows = Fixtures.associations(2);
        assertTrue(rows.stream().allMatch(r -> "MME".equals(r.get("dir_civilite"))), "the file carries a civility");
        FileReport report = load(write(dir, "rna.csv", csv(rows), UTF_8));
        assertEquals(Status.LOADED, report.status());
        assertEquals(2, count("?a a schema:NGO ; schema:name ?n"), "both associations were loaded");
        assertEquals(0, count("?s ?p ?o FILTER(isLiteral(?o) && STR(?o) = \"MME\")"));
    }

    @Test
    void rejectsBadRowsWithLineColumnAndReason() {
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.associations(2));
        rows.add(association("W35000000X"));                                   // line 4
        rows.add(association("W350000004", "date_creat", "2001-13-45"));       // line 5
        rows.add(association("W350000005", "adrs_codeinsee", "99999"));        // line 6
        rows.add(association("W350000006", "titre", ""));                      // line 7
        rows.add(association("W350000007", "position", "X"));                  // line 8
        FileReport report = loader.load(write(dir, "bad.csv", csv(rows), UTF_8),
                new Loader.Options(Loader.Mode.STRICT, true, null, false));
        assertEquals(Status.INVALID, report.status());
        assertEquals(5, report.rejected());
        assertProblem(report, 4, "id", "RNA number");
        assertProblem(report, 5, "date_creat", "not a date");
        assertProblem(report, 6, "adrs_codeinsee", "unknown INSEE commune code");
        assertProblem(report, 7, "titre", "required value is missing");
        assertProblem(report, 8, "position", "A (active) or D (dissolved)");
        assertEquals("bad.csv", report.problems().get(0).file());
    }

    @Test
    void aRepeatedIdIsOneDuplicateProblemNamingTheFirstLine() {
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.associations(3));  // lines 2-4
        rows.add(association("W350000002", "titre", "Autre nom"));                  // line 5
        FileReport report = loader.load(write(dir, "dup.csv", csv(rows), UTF_8),
                new Loader.Options(Loader.Mode.STRICT, true, null, false));
        assertEquals(Status.INVALID, report.status());
        assertEquals(1, report.problemCount(), "one problem, not one per shape: " + report.problems());
        assertProblem(report, 5, "id", "duplicate id (first seen at line 3)");

        FileReport activities = loader.load(write(dir, "act-dup.csv", Fixtures.activities(Fixtures.activity("judo-1"),
                Fixtures.activity("judo-2"), Fixtures.activity("judo-1", "titre", "Judo ados")), UTF_8),
                new Loader.Options(Loader.Mode.STRICT, true, null, false));
        assertEquals(1, activities.problemCount(), activities.problems().toString());
        assertProblem(activities, 4, "id", "duplicate id (first seen at line 2)");
    }

    @Test
    void everyProblemOfARowIsReportedAtOnceContactsAndLanguagesIncluded() {
        FileReport report = loader.load(write(dir, "act-contacts.csv", Fixtures.activities(
                Fixtures.activity("judo-1", "email", "judo.rennes.fr", "telephone", "02 99 12", "langues", "fr|zz",
                        "heure_debut", "25:00"),
                Fixtures.activity("judo-2", "email", "contact@judo-rennes.fr", "telephone", "+33 2 99 12 34 56",
                        "langues", "fr|br")), UTF_8),
                new Loader.Options(Loader.Mode.STRICT, true, null, false));
        assertEquals(1, report.rejected(), report.problems().toString());
        assertProblem(report, 2, "email", "not an e-mail address");
        assertProblem(report, 2, "telephone", "not a telephone number");
        assertProblem(report, 2, "langues", "unknown language code 'zz'");
        assertProblem(report, 2, "heure_debut", "not a time");
    }

    static void assertProblem(FileReport report, long line, String column, String reason) {
        assertTrue(report.problems().stream().anyMatch(p -> p.line() == line && column.equals(p.column())
                && p.reason().contains(reason)), "expected line " + line + " " + column + ": " + reason + " in "
                + report.problems());
    }

    @Test
    void strictLoadWithOneBadRowLeavesTheStoreExactlyAsItWas() {
        Path file = write(dir, "rna.csv", csv(Fixtures.associations(3)), UTF_8);
        load(file);
        long version = store.version();
        long triples = count("?s ?p ?o");
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.associations(5));
        rows.set(4, association("W350000005", "date_disso", "yesterday"));
        write(dir, "rna.csv", csv(rows), UTF_8);
        FileReport report = load(file);
        assertEquals(Status.REFUSED, report.status());
        assertEquals(0, report.triples());
        assertEquals(version, store.version());
        assertEquals(triples, count("?s ?p ?o"));
        assertEquals(3, count("?a a schema:NGO"));
    }

    @Test
    void skipInvalidLoadsTheValidRowsAndReportsTheOthers() {
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.associations(4));
        rows.set(1, association("W350000002", "adrs_codepostal", "3500"));
        FileReport report = loadSkipping(write(dir, "rna.csv", csv(rows), UTF_8));
        assertEquals(Status.LOADED_WITH_REJECTIONS, report.status());
        assertEquals(3, report.accepted());
        assertEquals(1, report.rejected());
        assertProblem(report, 3, "adrs_codepostal", "5 characters");
        assertEquals(3, count("?a a schema:NGO"));
        assertEquals(null, name("W350000002"));
        assertEquals(1, count("?g tissu:rowsRejected 1"));
    }

    @Test
    void reloadingTheSameFileReplacesItsGraph() {
        Path file = write(dir, "rna.csv", csv(Fixtures.associations(3)), UTF_8);
        load(file);
        long triples = count("?s ?p ?o");
        long graphs = store.graphs().size();
        load(file);
        assertEquals(triples, count("?s ?p ?o"));
        assertEquals(graphs, store.graphs().size());
        write(dir, "rna.csv", csv(Fixtures.associations(1)), UTF_8);
        load(file);
        assertEquals(1, count("?a a schema:NGO"));
    }

    @Test
    void aFileMixingUtf8AndWindows1252IsRefusedWithTheLineNotLoadedAsMojibake() {
        load(write(dir, "rna.csv", csv(List.of(association("W350000001", "titre", "Avant"))), UTF_8));
        String utf8 = csv(List.of(association("W350000002", "titre", "Chœur d'Hélène")));
        String cp1252 = csv(List.of(association("W350000003", "titre", "Théâtre"))).lines().skip(1)
                .reduce("", (a, b) -> a + b + "\n");
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.writeBytes(utf8.getBytes(UTF_8));
        mixed.writeBytes(cp1252.getBytes(WINDOWS_1252));
        FileReport report = load(write(dir, "rna.csv", mixed.toByteArray()));
        assertEquals(Status.FAILED, report.status());
        Problem p = report.problems().get(0);
        assertEquals(utf8.lines().count() + 1, p.line(), p.toString());
        assertTrue(p.reason().contains("mixes encodings") && p.reason().contains("0xE9"), p.reason());
        assertEquals("Avant", name("W350000001"), "the previous data stays");
        assertEquals(null, name("W350000002"), "nothing of the file is loaded");
        FileReport ansi = load(write(dir, "ansi.csv", csv(List.of(association("W350000004", "titre",
                "«ÉTÉ» à Saint-Hélier"))), WINDOWS_1252));
        assertEquals(Status.LOADED, ansi.status(), "a Windows-1252 file whose «É» looks like UTF-8 is not mixed");
        assertEquals("«ÉTÉ» à Saint-Hélier", name("W350000004"));
    }

    @Test
    void readsWindows1252AndUtf8WithBom() {
        String content = csv(List.of(association("W350000001", "titre", "Théâtre à l'Œuvre — Saint-Hélier")));
        FileReport cp1252 = load(write(dir, "ansi.csv", content, WINDOWS_1252));
        assertEquals("windows-1252", cp1252.encoding());
        assertEquals("Théâtre à l'Œuvre — Saint-Hélier", name("W350000001"));

        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.writeBytes(csv(List.of(association("W350000009", "titre", "Chœur d'Hélène"))).getBytes(UTF_8));
        FileReport utf8 = load(write(dir, "bom.csv", bom.toByteArray()));
        assertEquals(Status.LOADED, utf8.status(), utf8.problems().toString());
        assertEquals("rna", utf8.format(), "the BOM must not hide the first column's name");
        assertEquals("Chœur d'Hélène", name("W350000009"));
    }

    @Test
    void loadsActivitiesWithScheduleAudienceOfferAndPlace() {
        FileReport report = load(write(dir, "activites.csv", Fixtures.activities(Fixtures.activity("judo-1"),
                Fixtures.activity("judo-2", "titre", "Judo ados", "age_min", "12", "age_max", "17", "tarif",
                "gratuit")),
                UTF_8));
        assertEquals(Status.LOADED, report.status(), report.problems().toString());
        assertEquals("activities", report.format());
        assertEquals(1,
                count("?a a tissu:Activity ; schema:eventSchedule/schema:byDay schema:Wednesday, schema:Saturday ;"
                + " schema:audience/schema:suggestedMinAge 6 ; schema:offers/schema:price ?price ; "
                + " dct:subject <https://w3id.org/tissu/theme/judo> FILTER(?price = 120)"));
        assertEquals(1, count("?a schema:isAccessibleForFree true"));
        assertEquals(1, count("?p a schema:Place"), "two activities in the same place share it");
        assertEquals(1, count("?p a schema:Place ; <http://www.opengis.net/ont/geosparql#hasGeometry>/"
                + "<http://www.opengis.net/ont/geosparql#asWKT> ?wkt FILTER(STRSTARTS(STR(?wkt), \"POINT(-1.68\"))"));
    }

    @Test
    void shapesCatchWhatTheMapperCannot() {
        FileReport report = loader.load(write(dir, "activites.csv", Fixtures.activities(
                Fixtures.activity("a1"),
                Fixtures.activity("a2", "heure_debut", "18:00", "heure_fin", "17:00"),
                Fixtures.activity("a3", "age_min", "12", "age_max", "8"),
                Fixtures.activity("a4", "latitude", "148.2")), UTF_8), new Loader.Options(Loader.Mode.SKIP_INVALID,
                false, null, false));
        assertEquals(1, report.accepted(), report.problems().toString());
        assertProblem(report, 3, "heure_debut", "start time must be before end time");
        assertProblem(report, 4, "age_min", "minimum age");
        assertProblem(report, 5, "latitude", "latitude must be between -90 and 90");
    }

    @Test
    void rejectsUnknownThemesAndDays() {
        FileReport report = loader.load(write(dir, "activites.csv", Fixtures.activities(
                Fixtures.activity("a1", "theme", "quidditch"), Fixtures.activity("a2", "jours", "mercredi|funday")),
                UTF_8),
                new Loader.Options(Loader.Mode.STRICT, true, null, false));
        assertProblem(report, 2, "theme", "unknown theme 'quidditch'");
        assertProblem(report, 3, "jours", "unknown day 'funday'");
    }

    @Test
    void loadsIndicatorsAsObservationsAndRejectsDuplicates() {
        String content = """
                commune,indicator,year,value,unit,note
                35238,1.1,2024,42,count,
                35238,2.1,2024,oui,,
                35238,3.4,2024,-12.5,percent,baisse
                35238,1.1,2024,43,count,
                35238,9.9,2024,1,,
                35238,1.1,2024,-3,,
                """;
        FileReport report = loadSkipping(write(dir, "indicateurs.csv", content, UTF_8));
        assertEquals("indicators", report.format());
        assertEquals(3, report.accepted(), report.problems().toString());
        assertProblem(report, 5, "indicator", "appears earlier in this file");
        assertProblem(report, 6, "indicator", "unknown indicator");
        assertEquals(3, count("?o a qb:Observation ; tissu:origin <https://w3id.org/tissu/origin/declared>"));
        assertEquals(1,
                count("?o tissu:indicator <https://w3id.org/tissu/charter/indicator/2.1> ; tissu:value ?v FILTER(?v = 1)"));
    }

    @Test
    void indicatorRowsAreCheckedOneByOneWithTheirLineAndReason() {
        int next = Year.now().getValue() + 1;
        String content = """
                commune;indicator;year;value;publisher
                35238;1.1;2025;12;
                99999;1.1;2025;3;
                35238;1.1;1999;3;
                35238;1.1;%d;3;
                35238;1.1;25;3;
                35238;3.3;2025;douze;
                35238;3.3;2024;2.5;
                35238;1.1;2025;13;
                35047;1.1;2025;4;243500139
                35047;1.2;2025;4;999999999
                35047;2.1;2025;peut-être;
                """.formatted(next);
        Path file = write(dir, "indicateurs-erreurs.csv", content, UTF_8);
        FileReport strict = load(file);
        assertEquals(Status.REFUSED, strict.status(), "strict: one bad row refuses the file");
        assertEquals(0, count("?o a qb:Observation"), "and nothing of it is stored");
        assertTrue(strict.problems().stream().allMatch(p -> p.line() > 1 && p.column() != null && p.reason() != null));
        assertProblem(strict, 3, "commune", "unknown INSEE commune code");
        assertProblem(strict, 4, "year", "year out of range");
        assertProblem(strict, 5, "year", "year out of range");
        assertProblem(strict, 6, "year", "4 digits");
        assertProblem(strict, 7, "value", "not a number");
        assertProblem(strict, 8, "value", "a count must be a whole number");
        assertProblem(strict, 9, "indicator", "appears earlier in this file");
        assertProblem(strict, 11, "publisher", "INSEE commune code or an EPCI");
        assertProblem(strict, 12, "value", "not yes/no");
        assertEquals(9, strict.rejected(), strict.problems().toString());

        FileReport skipping = loadSkipping(file);
        assertEquals(2, skipping.accepted(), skipping.problems().toString());
        // one data set per publisher: Rennes publishes its own value, the EPCI the one of Bruz
        assertEquals(1, count("?o tissu:indicator <https://w3id.org/tissu/charter/indicator/1.1> ; qb:dataSet ?ds ; "
                + "<http://purl.org/linked-data/sdmx/2009/dimension#refArea> <" + Fixtures.BASE + "/id/commune/35047> . "
                + "?ds qb:structure tissu:indicatorStructure ; <http://purl.org/dc/terms/publisher> <" + Fixtures.BASE
                + "/id/epci/243500139>"));
        assertEquals(1, count("?ds a qb:DataSet ; <http://purl.org/dc/terms/publisher> <" + Fixtures.BASE
                + "/id/commune/35238>"));
    }

    @Test
    void loadsTheNationalDigitalSupportPlacesExample() throws Exception {
        Path example = Path.of(LoaderTest.class.getResource("lmn-exemple-valide.csv").toURI());
        FileReport report = load(example);
        assertEquals(Status.LOADED, report.status(), report.problems().toString());
        assertEquals("support-points", report.format());
        assertEquals(1, count("?p a tissu:SupportPoint ; schema:name \"Anonymal\" ; tissu:commune <"
                + Fixtures.BASE + "/id/commune/51454> FILTER EXISTS { ?p tissu:service ?s }"));
    }

    @Test
    void rejectsSupportPointsAgainstTheNationalSchema() throws Exception {
        Path example = Path.of(LoaderTest.class.getResource("lmn-exemple-valide.csv").toURI());
        String text = Files.readString(example).replace("\"+33180059880\"", "\"01 80 05 98 80\"");
        FileReport report = load(write(dir, "lmn.csv", text, UTF_8));
        assertEquals(Status.REFUSED, report.status());
        assertProblem(report, 2, "telephone", "pattern");
    }

    @Test
    void loadsEveryRdfSyntax() {
        Graph graph = RDFParser.fromString("""
                @prefix schema: <https://schema.org/> . @prefix dct: <http://purl.org/dc/terms/> .
                @prefix rov: <http://www.w3.org/ns/regorg#> .
                <http://data.example.org/id/association/W351234567> a schema:NGO ; dct:identifier "W351234567" ;
                    schema:name "Les Amis de la Vilaine" ; rov:orgStatus <https://w3id.org/tissu/status/active> .
                """, Lang.TURTLE).toGraph();
        Map<String, RDFFormat> formats = Map.of("a.ttl", RDFFormat.TURTLE, "a.nt", RDFFormat.NTRIPLES,
                "a.nq", RDFFormat.NQUADS, "a.trig", RDFFormat.TRIG, "a.jsonld", RDFFormat.JSONLD11,
                "a.rdf", RDFFormat.RDFXML);
        for (Map.Entry<String, RDFFormat> e : formats.entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (e.getValue().getLang().equals(Lang.NQUADS) || e.getValue().getLang().equals(Lang.TRIG)) {
                RDFDataMgr.write(out, DatasetGraphFactory.wrap(graph), e.getValue());
            } else {
                RDFDataMgr.write(out, graph, e.getValue());
            }
            FileReport report = load(write(dir, e.getKey(), out.toByteArray()));
            assertEquals(Status.LOADED, report.status(), e.getKey() + " " + report.problems());
            assertEquals(4, count("GRAPH <" + report.graph() + "> { ?s ?p ?o FILTER(?s != <" + report.graph() + ">"
                    + " && !STRSTARTS(STR(?s), \"" + report.graph() + "#\")) }"), e.getKey());
        }
    }

    @Test
    void refusesRdfThatBreaksTheShapes() {
        FileReport report = load(write(dir, "bad.ttl", """
                @prefix schema: <https://schema.org/> . @prefix dct: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <http://data.example.org/id/association/W351234567> a schema:NGO ; dct:identifier "W351234567" ;
                    schema:foundingDate "2020-01-01"^^xsd:date ; schema:dissolutionDate "2010-01-01"^^xsd:date .
                """, UTF_8));
        assertEquals(Status.REFUSED, report.status());
        assertTrue(report.problems().stream().anyMatch(p -> p.reason().contains("needs a name")), report.problems()
                .toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.reason().contains("founding date")), report.problems()
                .toString());
        assertTrue(store.graphs().isEmpty());
    }

    @Test
    void reportsRdfSyntaxErrorsWithTheirLine() {
        FileReport report = load(write(dir, "broken.ttl",
                "@prefix s: <https://schema.org/> .\n\n<a> s:name \"x\" \n<b> .\n", UTF_8));
        assertEquals(Status.FAILED, report.status());
        assertEquals(4, report.problems().get(0).line());
        assertTrue(store.graphs().isEmpty());
    }

    @Test
    void failsMalformedCsvWithItsLineAndLoadsNothing() {
        String content = csv(Fixtures.associations(3)).replace("\"Judo Club de Rennes W350000002\"",
                "\"Judo Club \"de\" Rennes\"");
        FileReport report = loadSkipping(write(dir, "broken.csv", content, UTF_8));
        assertEquals(Status.FAILED, report.status());
        assertEquals(3, report.problems().get(0).line());
        assertTrue(report.problems().get(0).reason().startsWith("malformed CSV"));
        assertTrue(store.graphs().isEmpty());
    }

    @Test
    void refusesAFileWhoseLayoutIsUnknown() {
        FileReport report = load(write(dir, "whatever.csv", "a;b;c\n1;2;3\n", UTF_8));
        assertEquals(Status.FAILED, report.status());
        assertTrue(report.problems().get(0).reason().contains("unknown CSV layout"));
    }

    @Test
    void loadsTheReferenceCommunes() {
        loader.loadReference();
        assertEquals(1, count("<" + Fixtures.BASE + "/id/commune/35238> schema:name \"Rennes\" ; "
                + "tissu:population ?p ; dct:isPartOf <" + Fixtures.BASE + "/id/epci/243500139>, <" + Fixtures.BASE
                + "/id/departement/35>, <" + Fixtures.BASE + "/id/region/53>"));
        assertEquals(43, count("?c dct:isPartOf <" + Fixtures.BASE + "/id/epci/243500139> ; a <http://rdf.insee.fr/def/geo#Commune>"));
        assertTrue(count("?c a <http://rdf.insee.fr/def/geo#Commune>") > 34_000);
        assertEquals(1, count("<" + Fixtures.BASE + "/id/commune/13201> dct:isPartOf <" + Fixtures.BASE
                + "/id/commune/13055>, <" + Fixtures.BASE + "/id/epci/200054807>"),
                "an arrondissement is in its city's EPCI");
        assertFalse(store.graphs().isEmpty());
        Node graph = store.graphs().get(0);
        assertTrue(graph.getURI().startsWith(Fixtures.BASE + "/graph/"));
    }
}
