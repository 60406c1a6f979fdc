package fr.tissu.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.tissu.loader.FileReport.Status;
import fr.tissu.loader.sample.SampleGenerator;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator is deterministic, its files are valid, and the bundled sample is exactly its output. */
class SampleGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void bundledSampleIsTheGeneratorsOutputForRennesMetropole() throws IOException {
        SampleGenerator.Files4 files = new SampleGenerator().generate(
                SampleGenerator.epci("243500139", 2000, 4000, 35), dir);
        for (Path file : List.of(files.rna(), files.activities(), files.indicators(), files.supportPoints())) {
            try (InputStream bundled = Loader.class.getResourceAsStream("sample/" + file.getFileName())) {
                assertArrayEquals(bundled.readAllBytes(), Files.readAllBytes(file),
                        file.getFileName() + " differs from the bundled sample: regenerate it with ./tissu generate");
            }
        }
        assertEquals(2001, Files.readAllLines(files.rna()).size());
        assertEquals(4001, Files.readAllLines(files.activities()).size());
        assertEquals(43 * 5 * 8 + 1, Files.readAllLines(files.indicators()).size());
    }

    @Test
    void everyGeneratedFileIsValid() {
        SampleGenerator.Files4 files = new SampleGenerator().generate(
                SampleGenerator.epci("200000172", 300, 600, 7), dir);
        Loader loader = new Loader(null, new Ids("http://data.example.org"));
        Loader.Options dryRun = new Loader.Options(Loader.Mode.STRICT, true, null, false);
        for (Path file : List.of(files.rna(), files.activities(), files.indicators(), files.supportPoints())) {
            FileReport report = loader.load(file, dryRun);
            assertEquals(Status.VALID, report.status(), file + ": " + report.problems());
            assertTrue(report.rows() > 0, file.toString());
        }
        String rna = read(files.rna());
        assertTrue(rna.contains("association fictive"), "synthetic data must say so");
    }

    @Test
    void everySamplePlaceLiesInsideItsOwnCommune() throws IOException {
        var reference = ReferenceData.get();
        int checked = 0;
        String[][] files = {{"activites.csv", "commune"}, {"points-appui-numerique.csv", "code_insee"}};
        for (String[] file : files) {
            try (var in = Loader.class.getResourceAsStream("sample/" + file[0]);
                 var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                var rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
                        .setSkipHeaderRecord(true).get().parse(reader);
                Set<String> communes = new HashSet<>();
                for (var row : rows) {
                    String commune = row.get(file[1]);
                    String lat = row.get("latitude");
                    if (lat.isEmpty()) {
                        continue;
                    }
                    double[] box = reference.box(commune).orElseThrow(() -> new AssertionError("no box: " + commune));
                    double y = Double.parseDouble(lat);
                    double x = Double.parseDouble(row.get("longitude"));
                    assertTrue(box[1] <= y && y <= box[3] && box[0] <= x && x <= box[2], file[0] + " line "
                            + rows.getCurrentLineNumber() + ": " + y + "," + x + " is outside commune " + commune);
                    communes.add(commune);
                    checked++;
                }
                assertTrue(communes.size() >= 20, file[0] + ": places in " + communes.size() + " communes only");
            }
        }
        assertTrue(checked > 4000, "checked " + checked);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
