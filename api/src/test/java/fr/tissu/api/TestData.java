package fr.tissu.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A fresh store in a temporary directory, prepared as {@code serve} prepares an empty one (reference + sample). */
final class TestData {
    static final String BASE = "http://data.example.org";

    private TestData() {
    }

    static Tissu sampleService() {
        try {
            Path dir = Files.createTempDirectory("tissu-test");
            TissuConfig config = new TissuConfig(BASE, dir, "tdb2", true, Duration.ofSeconds(20),
                    "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (test)");
            Tissu tissu = Tissu.open(config);
            Bootstrap.prepare(tissu);
            return tissu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
