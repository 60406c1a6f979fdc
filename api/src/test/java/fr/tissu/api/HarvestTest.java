package fr.tissu.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.loader.FileReport;
import fr.tissu.loader.Harvester;
import fr.tissu.loader.Loader;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on loopback: B (Saint-Malo) serves its catalogue and dumps; A (Rennes) harvests B's indicators and
 * compares its communes with B's. Nothing is mocked: B is a real server over its own TDB2 store, A reads it over HTTP.
 */
class HarvestTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    static Instance a;
    static Instance b;
    static WebServer serverB;
    static String catalogB;

    static Instance instance(String name, int port, String territory) throws IOException {
        Path dir = Files.createTempDirectory("tissu-" + name);
        TissuConfig config = new TissuConfig("http://127.0.0.1:" + port, dir, "tdb2", false, TIMEOUT,
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu " + name, SparqlConfig.defaults(),
                new CatalogConfig("Commune " + name, "213502388", "contact@example.org", "http://127.0.0.1:" + port + "/",
                        territory, "Instance " + name, 50));
        return Instance.open(config);
    }

    static void declare(Instance tissu, String csv) throws IOException {
        Path file = tissu.config().dataDir().resolve("indicateurs.csv");
        Files.writeString(file, "commune;indicator;year;value\n" + csv, UTF_8);
        FileReport report = new Loader(tissu.store(), tissu.ids()).load(file, Loader.Options.strict());
        assertEquals(FileReport.Status.LOADED, report.status(), report.problems().toString());
        Bootstrap.prepare(tissu);
        Bootstrap.refreshDumps(tissu);
    }

    @BeforeAll
    static void twoInstances() throws IOException {
        int portB;
        try (ServerSocket s = new ServerSocket(0)) {
            portB = s.getLocalPort();
        }
        b = instance("saint-malo", portB, "35288");
        declare(b, "35288;1.1;2024;9\n35288;1.1;2025;12\n35288;3.3;2025;140\n");
        serverB = Main.start(Config.empty(), b, portB);
        catalogB = "http://127.0.0.1:" + serverB.port() + "/catalog";
        a = instance("rennes", 0, "35238");
        declare(a, "35238;1.1;2025;30\n35047;1.1;2025;2\n");
    }

    @AfterAll
    static void stop() {
        serverB.stop();
        a.close();
        b.close();
    }

    private long count(Store store, String where) {
        long[] n = {0};
        store.select("PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX qb: <http://purl.org/linked-data/cube#> "
                + "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX sdmxd: <http://purl.org/linked-data/sdmx/2009/dimension#> "
                + "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }", TIMEOUT, r -> n[0] = r.getLiteral("n").getLong());
        return n[0];
    }

    @Test
    void neighboursCompareWithoutACentralPlatform() throws Exception {
        var result = new Harvester().harvest(a.store(), a.ids(), catalogB,
                a.config().dataDir().resolve("tmp"));
        // B's whole indicators dump: its 3 declared values and the values it computed for Saint-Malo
        long declaredB = count(b.store(), "?o a qb:Observation");
        assertEquals(declaredB, result.observations());
        Path dump = b.config().dataDir().resolve("downloads/dumps/indicators.nt.gz");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dump))),
                result.sha256(), "the checksum checked is the file's B serves");
        // provenance: the graph says where, what and when
        String g = "<" + result.graph() + ">";
        assertTrue(result.graph().startsWith(a.ids().graph("harvest").getURI()));
        assertEquals(1, count(a.store(), "GRAPH " + g + " { " + g + " prov:hadPrimarySource <" + catalogB + "> ; "
                + "prov:wasDerivedFrom <" + result.dataset() + "> ; prov:generatedAtTime ?t ; "
                + "tissu:sourceFormat \"harvest\" }"));
        // Saint-Malo's commune is A's URI now, so one cube answers for both instances
        assertEquals(1, count(a.store(), "?o sdmxd:refArea <" + a.ids().commune("35288").getURI() + "> ; "
                + "tissu:indicator <https://w3id.org/tissu/charter/indicator/1.1> ; "
                + "sdmxd:refPeriod \"2025\"^^<http://www.w3.org/2001/XMLSchema#gYear> ; tissu:value ?v ; "
                + "tissu:origin <https://w3id.org/tissu/origin/declared> FILTER(?v = 12)"));
        assertEquals(0, count(a.store(), "?o sdmxd:refArea ?c FILTER(STRSTARTS(STR(?c), \"" + b.ids().commune("x")
                .getURI().replace("/x", "") + "\"))"), "no commune left under B's URIs");

        IndicatorComparison comparison = new IndicatorComparison(a);
        Map<String, Object> c = comparison.compare("1.1", "35238", "departement", 2025, "declared");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) c.get("items");
        assertEquals(List.of("35238", "35288", "35047").stream().sorted().toList(),
                items.stream().map(i -> (String) i.get("code")).sorted().toList());
        assertTrue(comparison.ofCommune("35288", 2025, "declared").stream().allMatch(i -> Boolean.TRUE.equals(
                i.get("harvested"))));
        assertEquals(2, comparison.ofCommune("35288", null, "declared").stream()
                .filter(i -> ((Map<?, ?>) i.get("indicator")).get("code").equals("1.1")).count(), "2024 and 2025");

        // harvesting again replaces the graph
        long triples = count(a.store(), "GRAPH " + g + " { ?s ?p ?o }");
        new Harvester().harvest(a.store(), a.ids(), catalogB, a.config().dataDir().resolve("tmp"));
        assertEquals(triples, count(a.store(), "GRAPH " + g + " { ?s ?p ?o }"));
    }

    @Test
    void theCommandHarvestsIntoAStoppedInstanceAndSaysWhyWhenItCannot() throws Exception {
        Path dir = Files.createTempDirectory("tissu-harvest-cli");
        assertEquals(0, TissuCommand.run("harvest", "--data", dir.toString(), "--base", "http://c.example.org",
                catalogB));
        try (Store store = Store.create(StoreConfig.tdb2(dir.resolve("tdb2")))) {
            assertEquals(count(b.store(), "?o a qb:Observation"), count(store, "?o a qb:Observation"));
        }
        assertEquals(3, TissuCommand.run("harvest", "--data", dir.toString(), "http://127.0.0.1:1/catalog"),
                "nothing listens there");
        assertEquals(3, TissuCommand.run("harvest", "--data", dir.toString(), "http://127.0.0.1:" + serverB.port()
                + "/vocabulary"), "not a catalogue with indicators");
        assertEquals(3, TissuCommand.run("harvest", "--data", dir.toString(), "ftp://127.0.0.1/catalog"));
    }
}
