package fr.tissu.loader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Selection;
import fr.tissu.vocabulary.Ids;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported cells cannot run as spreadsheet formulas, and the guard comes off when the file is loaded back. */
class CsvCellsTest {
    private static final String FORMULA = "=1+1*cmd|' /C calc'!A0";

    @TempDir
    Path dir;

    @Test
    void cellsAreGuardedOnlyWhereASpreadsheetWouldEvaluateThem() {
        assertEquals("'" + FORMULA, CsvCells.guard(FORMULA));
        assertEquals("'+33 2 99 00 00 00", CsvCells.guard("+33 2 99 00 00 00"));
        assertEquals("'@SUM(A1)", CsvCells.guard("@SUM(A1)"));
        assertEquals("'-2+3", CsvCells.guard("-2+3"));
        assertEquals("-1.68", CsvCells.guard("-1.68"), "a number stays a number");
        assertEquals("Judo", CsvCells.guard("Judo"));
        assertEquals(42, CsvCells.guard(42));
        assertEquals(FORMULA, CsvCells.unguard("'" + FORMULA));
        assertEquals("'tis the season", CsvCells.unguard("'tis the season"), "an apostrophe of the text stays");
    }

    @Test
    void theExportIsGuardedAndLoadsBackAsItWas() throws IOException {
        String row = Fixtures.activity("a1", "description", FORMULA, "telephone", "+33 2 99 00 00 00");
        Path file = Fixtures.write(dir, "activites.csv", Fixtures.activities(row), UTF_8);
        List<Activity> first = new ArrayList<>();
        String csv;
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("one")))) {
            assertEquals(FileReport.Status.LOADED, new Loader(store, new Ids(Fixtures.BASE)).load(file,
                    Loader.Options.strict()).status());
            Activity.PROJECTION.read(store, Selection.ALL, Duration.ofSeconds(30), first::add);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ActivityTemplate.spreadsheet(out, first);
            csv = out.toString(UTF_8);
        }
        assertEquals(FORMULA, first.getFirst().description());
        CSVRecord exported = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(csv.substring(1))).getRecords().getFirst();
        assertEquals("'" + FORMULA, exported.get("description"));
        assertEquals("'+33 2 99 00 00 00", exported.get("telephone"));
        assertEquals("-1.68", exported.get("longitude"));

        Files.writeString(file, csv, UTF_8);
        List<Activity> again = new ArrayList<>();
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("two")))) {
            FileReport report = new Loader(store, new Ids(Fixtures.BASE)).load(file, Loader.Options.strict());
            assertEquals(FileReport.Status.LOADED, report.status(), report.problems().toString());
            Activity.PROJECTION.read(store, Selection.ALL, Duration.ofSeconds(30), again::add);
        }
        assertEquals(FORMULA, again.getFirst().description());
        assertEquals("+33 2 99 00 00 00", again.getFirst().telephone());
        assertTrue(again.equals(first), "the same records: " + again + "\n" + first);
    }
}
