package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.AdminConfig;
import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.store.FusekiProcess;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;

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
                c.queryTimeout(), c.dataLicense(), c.title(), sparql, c.catalog(), c.publicUrl(), c.baseConfigured(),
                c.admin(), c.remote()), base.ids(), base.store(), base.index());
    }

    /**
     * Waits until the server's gauge says {@code n} SPARQL queries are running (no guess of how long a start takes),
     * at most 20 s.
     */
    static void awaitRunningQueries(Http1Client client, int n) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int running;
        do {
            Thread.sleep(20);
            String metrics = client.get("/metrics").header(HeaderNames.ACCEPT, "application/json").requestEntity(
                    String.class);
            running = json.readTree(metrics).path("application").path("tissu.sparql.running").asInt(-1);
        } while (running < n && System.nanoTime() < deadline);
        assertEquals(n, running, "queries running on the server");
    }

    /**
     * The store the shared service runs on: embedded TDB2, or with {@code -Dtissu.test.store=remote} (the build's
     * second run of the API tests) a remote store on a Fuseki server started here on loopback, for the JVM's life,
     * queried through Fuseki's own union graph as the README advises (the other way, each graph named in the query's
     * dataset, is the store contract's, on Fuseki, Virtuoso and RDF4J Server).
     */
    static boolean remote() {
        return "remote".equals(System.getProperty("tissu.test.store"));
    }

    private static FusekiProcess fuseki;

    private static synchronized FusekiProcess fuseki() {
        if (fuseki == null) {
            FusekiProcess started = FusekiProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            fuseki = started;
        }
        return fuseki;
    }

    static Instance sampleService() {
        try {
            Path dir = Files.createTempDirectory("tissu-test");
            TissuConfig config = new TissuConfig(BASE, dir, remote() ? "remote" : "tdb2", true,
                    Duration.ofSeconds(20), "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (test)",
                    SparqlConfig.defaults(), CatalogConfig.defaults(), BASE, true, AdminConfig.NONE,
                    remote() ? fuseki().remote().withUnionGraph("urn:x-arq:UnionGraph") : null);
            Instance tissu = Instance.open(config);
            Bootstrap.prepare(tissu);
            Bootstrap.refreshDumps(tissu);
            return tissu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
