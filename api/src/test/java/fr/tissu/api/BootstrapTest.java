package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.loader.Dumps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve prepares on a store that was filled by 'tissu load' alone (no sample). */
class BootstrapTest {
    @TempDir
    Path dir;

    @Test
    void theReferenceCommunesTheIndexAndTheDumpsFollow() throws Exception {
        TissuConfig config = new TissuConfig(TestData.BASE, dir, "tdb2", false, Duration.ofSeconds(20),
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (test)", SparqlConfig.defaults(),
                CatalogConfig.defaults());
        try (Instance tissu = Instance.open(config)) {
            Bootstrap.prepare(tissu);
            Bootstrap.refreshDumps(tissu);
            assertTrue(tissu.store().graphs().contains(tissu.ids().graph("reference-communes")));
            assertEquals(tissu.store().version(), tissu.index().version(), "the index reflects the store");
            assertEquals(tissu.store().version(), Dumps.version(dir.resolve("downloads")), "so do the dumps");
            assertTrue(Files.size(dir.resolve("downloads/dumps/communes.nt.gz")) > 100_000);
            long version = tissu.store().version();
            Bootstrap.prepare(tissu);
            assertEquals(version, tissu.store().version(), "a second start changes nothing");
        }
    }
}
