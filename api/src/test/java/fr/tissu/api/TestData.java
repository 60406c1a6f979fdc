package fr.tissu.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;

/** A fresh store in a temporary directory, prepared as {@code serve} prepares an empty one (reference + sample). */
final class TestData {
    static final String BASE = "http://data.example.org";

    private TestData() {
    }

    private static Instance shared;

    /**
     * One sample service per test JVM, shared by the test classes that only read (preparing it takes seconds).
     * Never closed: the JVM's exit releases it.
     */
    static synchronized Instance shared() {
        if (shared == null) {
            shared = sampleService();
        }
        return shared;
    }

    /** The shared store and URIs under another configuration. */
    static Instance shared(SparqlConfig sparql) {
        Instance base = shared();
        TissuConfig c = base.config();
        return new Instance(new TissuConfig(c.baseUri(), c.dataDir(), c.storeKind(), c.loadSampleOnEmpty(),
                c.queryTimeout(), c.dataLicense(), c.title(), sparql, c.catalog()), base.ids(), base.store(),
                base.index());
    }

    static Instance sampleService() {
        try {
            Path dir = Files.createTempDirectory("tissu-test");
            TissuConfig config = new TissuConfig(BASE, dir, "tdb2", true, Duration.ofSeconds(20),
                    "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (test)", SparqlConfig.defaults(),
                    CatalogConfig.defaults());
            Instance tissu = Instance.open(config);
            Bootstrap.prepare(tissu);
            Bootstrap.refreshDumps(tissu);
            return tissu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
