package fr.tissu.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps follow the store: stable names for the latest, versioned links that keep what each version was. */
class DumpsTest {
    @TempDir
    Path dir;

    @Test
    void stableAndVersionedFiles() throws Exception {
        Ids ids = new Ids("http://data.example.org");
        Path downloads = dir.resolve("downloads");
        Path points = dir.resolve("points-appui-numerique.csv");
        try (InputStream in = Loader.class.getResourceAsStream("sample/points-appui-numerique.csv")) {
            Files.copy(in, points);
        }
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")))) {
            VocabularyGraph.ensure(store, ids);
            assertTrue(Dumps.refreshIfStale(store, ids, downloads));
            assertFalse(Dumps.refreshIfStale(store, ids, downloads), "in step: nothing to write");
            long first = store.version();
            Map<String, Dumps.Dump> before = Dumps.manifest(downloads);
            assertTrue(before.containsKey("vocabulary"));
            assertFalse(before.containsKey("support-points"));

            Loader loader = new Loader(store, ids);
            loader.load(points, Loader.Options.strict());
            Dumps.refresh(store, ids, downloads);
            Map<String, Dumps.Dump> after = Dumps.manifest(downloads);
            assertTrue(after.containsKey("support-points") && after.containsKey("support-points-lmn"));
            Dumps.Dump vocabulary = after.get("vocabulary");
            assertEquals("dumps/v" + store.version() + "/vocabulary.nt.gz", vocabulary.versionedPath());
            assertArrayEquals(Files.readAllBytes(downloads.resolve(vocabulary.path())),
                    Files.readAllBytes(downloads.resolve(vocabulary.versionedPath())));
            assertTrue(Files.exists(downloads.resolve(before.get("vocabulary").versionedPath())),
                    "the first version is still there");
            assertTrue(before.get("vocabulary").versionedPath().contains("/v" + first + "/"));

            Path vocabularyFile = downloads.resolve(vocabulary.path());
            var written = Files.getLastModifiedTime(vocabularyFile);
            Path pointsFile = downloads.resolve(after.get("support-points").path());
            var pointsWritten = Files.getLastModifiedTime(pointsFile);
            for (int i = 0; i < 3; i++) { // reloading makes new versions; only the last three are kept
                loader.load(points, Loader.Options.strict());
                Dumps.refresh(store, ids, downloads);
            }
            Map<String, Dumps.Dump> last = Dumps.manifest(downloads);
            assertEquals(written, Files.getLastModifiedTime(vocabularyFile),
                    "a dataset whose graphs did not change is not written again");
            assertEquals(vocabulary.sha256(), last.get("vocabulary").sha256());
            assertEquals("dumps/v" + store.version() + "/vocabulary.nt.gz", last.get("vocabulary").versionedPath(),
                    "but it is listed under the new version");
            assertTrue(Files.exists(downloads.resolve(last.get("vocabulary-ttl").versionedPath())));
            assertTrue(Files.getLastModifiedTime(pointsFile).compareTo(pointsWritten) > 0,
                    "the reloaded file's dataset is written again");
            try (var versions = Files.list(downloads.resolve("dumps"))) {
                assertEquals(Dumps.KEPT_VERSIONS, versions.filter(Files::isDirectory).count());
            }
            assertFalse(Files.exists(downloads.resolve(before.get("vocabulary").versionedPath())));
        }
    }

    @Test
    void filesWrittenAtOnceAreListedInTheDatasetsOrderAndTheSameDataGivesTheSameBytes() throws Exception {
        Ids ids = new Ids("http://data.example.org");
        Path downloads = dir.resolve("downloads");
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")))) {
            VocabularyGraph.ensure(store, ids);
            new Loader(store, ids).load(samplePoints(), Loader.Options.strict());
            Dumps.refresh(store, ids, downloads);
            List<String> datasets = Dumps.DATASETS.stream().map(Dumps.Dataset::name).toList();
            List<Integer> order = Dumps.manifest(downloads).keySet().stream()
                    .map(name -> datasets.indexOf(name.replaceFirst("-(jsonld|ttl|csv|lmn)$", ""))).toList();
            assertEquals(List.of(3, 3, 3, 3, 6, 6, 6), order, "manifest order: " + order);

            String turtle;
            try (var in = new GZIPInputStream(Files.newInputStream(downloads.resolve("dumps/vocabulary.ttl.gz")))) {
                turtle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> prefixes = turtle.lines().filter(l -> l.startsWith("PREFIX") || l.startsWith("@prefix"))
                    .map(l -> l.split("\\s+")[1]).toList();
            assertEquals(10, prefixes.size(), turtle.lines().limit(11).toList().toString());
            assertEquals(prefixes.stream().sorted().toList(), prefixes,
                    "declared in one order, not in a hash map's order that changes from one run to the next");
        }
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheRefreshAndKeepsThePreviousManifest() throws Exception {
        Ids ids = new Ids("http://data.example.org");
        Path downloads = dir.resolve("downloads");
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")))) {
            VocabularyGraph.ensure(store, ids);
            Dumps.refresh(store, ids, downloads);
            long before = Dumps.version(downloads);
            new Loader(store, ids).load(samplePoints(), Loader.Options.strict());
            Files.createDirectories(downloads.resolve("dumps/support-points.lmn.csv.part")); // cannot be a file
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Dumps.refresh(store, ids, downloads));
            assertTrue(e.getMessage().contains("cannot write the dumps"), e.getMessage());
            assertEquals(before, Dumps.version(downloads), "the manifest still lists what was there");
            assertFalse(Dumps.manifest(downloads).containsKey("support-points"));
        }
    }

    private Path samplePoints() throws IOException {
        Path points = dir.resolve("points-appui-numerique.csv");
        if (!Files.exists(points)) {
            try (InputStream in = Loader.class.getResourceAsStream("sample/points-appui-numerique.csv")) {
                Files.copy(in, points);
            }
        }
        return points;
    }
}
