package fr.tissu.loader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import fr.tissu.search.SearchIndex;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What staff really load: national files cut to the instance's territory (rows elsewhere counted, not errors), and
 * activities whose association is not published (a warning, or an error when asked).
 */
class TerritoryTest {
    /** Rennes Métropole: Rennes (35238) and Bruz (35047) are in it, Saint-Malo (35288) is not. */
    static final String RENNES_METROPOLE = "243500139";
    private static final ReferenceData REFERENCE = ReferenceData.get();

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

    Loader.Options within(String... codes) {
        return Loader.Options.strict().within(Territory.of(List.of(codes), REFERENCE));
    }

    boolean published(String rna) {
        return store.ask("ASK { GRAPH ?g { <" + Fixtures.BASE + "/id/association/" + rna
                + "> a <https://schema.org/NGO> } }", LoaderTest.T);
    }

    @Test
    void aNationalFileKeepsTheAssociationsSeatedInTheTerritory() {
        Path rna = Fixtures.write(dir, "rna_waldec.csv", Fixtures.csv(List.of(
                Fixtures.association("W350000001"),
                Fixtures.association("W350000002", "adrs_codeinsee", "35047", "adrs_codepostal", "35170"),
                Fixtures.association("W350000003", "adrs_codeinsee", "35288", "adrs_codepostal", "35400"),
                // elsewhere and malformed: outside, not an error the territory's staff must fix
                Fixtures.association("W350000004", "adrs_codeinsee", "35288", "date_creat", "1998-13-45"),
                // an unknown commune is an error wherever it is
                Fixtures.association("W350000005", "adrs_codeinsee", "99999"))), UTF_8);
        FileReport report = loader.load(rna, within(RENNES_METROPOLE));
        assertEquals(FileReport.Status.REFUSED, report.status(), "the unknown commune refuses the file");
        assertEquals(2, report.outside());
        assertEquals(1, report.rejected());
        assertEquals("adrs_codeinsee", report.problems().getFirst().column());

        FileReport skipping = loader.load(rna, new Loader.Options(Loader.Mode.SKIP_INVALID, false, null, false)
                .within(Territory.of(List.of(RENNES_METROPOLE), REFERENCE)));
        assertEquals(5, skipping.rows());
        assertEquals(2, skipping.accepted());
        assertEquals(2, skipping.outside());
        assertEquals(1, skipping.rejected());
        assertTrue(skipping.summary().contains("2 outside the territory"), skipping.summary());
        assertEquals(2, FileReport.fromJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(skipping.json())).outside(), "the JSON report carries the count");
        assertTrue(published("W350000001") && published("W350000002"));
        assertFalse(published("W350000003"));
    }

    @Test
    void aTerritoryIsAnEpciADepartementOrCommunes() {
        Path rna = Fixtures.write(dir, "rna.csv", Fixtures.csv(List.of(Fixtures.association("W350000001"),
                Fixtures.association("W350000003", "adrs_codeinsee", "35288"),
                Fixtures.association("W290000001", "adrs_codeinsee", "29019", "adrs_codepostal", "29200"))), UTF_8);
        assertEquals(1, loader.load(rna, within("35")).outside(), "the département: Brest is outside");
        assertEquals(2, loader.load(rna, within("35288")).outside(), "one commune");
        assertEquals(0, loader.load(rna, within("35238", "35288", "29019")).outside(), "a list of communes");
        assertEquals(0, loader.load(rna, Loader.Options.strict()).outside(), "no territory: everything");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Territory.of(List.of("999999999"), REFERENCE))
                .getMessage().contains("unknown EPCI SIREN '999999999'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Territory.of(List.of("Rennes"), REFERENCE))
                .getMessage().contains("neither an EPCI SIREN"));
        assertThrows(IllegalArgumentException.class, () -> Territory.of(List.of("99"), REFERENCE));
    }

    @Test
    void activitiesAreKeptWhereTheyTakePlaceAndIndicatorsWhole() {
        Path activities = Fixtures.write(dir, "activites.csv", Fixtures.activities(
                Fixtures.activity("a1"),
                Fixtures.activity("a2", "commune", "35288", "code_postal", "35400", "latitude", "", "longitude", "")),
                UTF_8);
        FileReport report = loader.load(activities, within(RENNES_METROPOLE));
        assertEquals(FileReport.Status.LOADED, report.status(), report.problems().toString());
        assertEquals(1, report.accepted());
        assertEquals(1, report.outside());
        Path indicators = Fixtures.write(dir, "indicateurs.csv", "commune;indicator;year;value;unit\n"
                + "35238;1.1;2025;12;count\n35288;1.1;2025;7;count\n", UTF_8);
        FileReport kept = loader.load(indicators, within(RENNES_METROPOLE));
        assertEquals(2, kept.accepted(), "a commune's indicators are compared with its neighbours'");
        assertEquals(0, kept.outside());
    }

    @Test
    void anActivityOfAnUnpublishedAssociationIsAWarningOrAnError() {
        Path activities = Fixtures.write(dir, "activites.csv", Fixtures.activities(
                Fixtures.activity("a1"), Fixtures.activity("a2", "association", "W350000009")), UTF_8);
        Path rna = Fixtures.write(dir, "rna.csv", Fixtures.csv(List.of(Fixtures.association("W350000001"))), UTF_8);
        FileReport before = loader.load(activities, Loader.Options.strict());
        assertEquals(FileReport.Status.LOADED, before.status());
        assertEquals(2, before.warningCount(), "neither association is published yet");

        loader.load(rna, Loader.Options.strict());
        FileReport warned = loader.load(activities, Loader.Options.strict());
        assertEquals(FileReport.Status.LOADED, warned.status());
        assertEquals(1, warned.warningCount());
        Problem warning = warned.warnings().getFirst();
        assertEquals(3, warning.line());
        assertEquals("association", warning.column());
        assertEquals("W350000009", warning.value());
        assertTrue(warning.reason().startsWith("unknown association"), warning.reason());
        assertTrue(warned.summary().endsWith("1 warnings"), warned.summary());

        FileReport refused = loader.load(activities, Loader.Options.strict().requiringAssociations(true));
        assertEquals(FileReport.Status.REFUSED, refused.status());
        assertEquals(0, refused.warningCount());
        assertEquals(3, refused.problems().getFirst().line());
    }

    @Test
    void aPublicationLoadsTheAssociationsFirst() {
        Path activities = Fixtures.write(dir, "activites.csv", Fixtures.activities(Fixtures.activity("a1")), UTF_8);
        Path rna = Fixtures.write(dir, "rna.csv", Fixtures.csv(List.of(Fixtures.association("W350000001"))), UTF_8);
        assertEquals(java.util.Optional.of(SourceFormat.RNA), Loader.detect(rna));
        try (SearchIndex index = SearchIndex.open(dir.resolve("search"))) {
            Publication publication = new Publication(store, index, new Ids(Fixtures.BASE), null, dir);
            List<FileReport> reports = publication.load(List.of(activities, rna), Loader.Options.strict(), r -> { })
                    .reports();
            assertEquals(List.of("rna.csv", "activites.csv"), reports.stream().map(FileReport::file).toList());
            assertEquals(0, reports.get(1).warningCount(), reports.get(1).warnings().toString());
        }
    }
}
