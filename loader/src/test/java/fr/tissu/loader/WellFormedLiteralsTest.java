package fr.tissu.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every typed literal the loader writes from the bundled sample is a valid lexical form of its datatype. */
class WellFormedLiteralsTest {
    @TempDir
    Path dir;

    @Test
    void everyTypedLiteralIsValid() throws Exception {
        Ids ids = new Ids("http://data.example.org");
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")))) {
            Loader loader = new Loader(store, ids);
            for (String name : List.of("rna_waldec_synthetique.csv", "activites.csv", "indicateurs.csv",
                    "points-appui-numerique.csv")) {
                Path file = dir.resolve(name);
                try (InputStream in = Loader.class.getResourceAsStream("sample/" + name)) {
                    Files.copy(in, file);
                }
                assertEquals(0, loader.load(file, Loader.Options.strict()).rejected(), name);
            }
            List<String> invalid = new ArrayList<>();
            long[] checked = {0};
            store.select("SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o) && DATATYPE(?o) != <http://www.w3.org/2001/XMLSchema#string>"
                    + " && LANG(?o) = \"\") }", Duration.ofMinutes(2), r -> {
                        Node o = r.get("o").asNode();
                        checked[0]++;
                        if (!o.getLiteralDatatype().isValid(o.getLiteralLexicalForm()) && invalid.size() < 10) {
                            invalid.add(o.toString());
                        }
                    });
            assertTrue(checked[0] > 10_000, "typed literals checked: " + checked[0]);
            assertEquals(List.of(), invalid);
        }
    }
}
