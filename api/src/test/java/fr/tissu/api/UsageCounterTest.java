package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Year;
import java.util.List;

import fr.tissu.api.core.Instance;
import fr.tissu.api.core.LimitsConfig;
import fr.tissu.loader.UsageLog;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The service's own request counts become the computed indicators 2.2 and 6.1, with nothing personal kept. */
@ServerTest
@Tag(SharedSample.TAG)
class UsageCounterTest {
    static Instance tissu;
    static UsageCounter usage;
    private final RestClient rest;
    private final Http1Client client;

    UsageCounterTest(Http1Client client) {
        this.client = client;
        this.rest = new RestClient(client);
    }

    private int page(String path) {
        try (var res = client.get(path).header(HeaderNames.ACCEPT, "text/html").request()) {
            res.as(String.class); // read it whole: a client that hangs up early is not counted
            return res.status().code();
        }
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        usage = new UsageCounter(tissu);
        Main.server(server, tissu, usage, LimitsConfig.defaults());
    }

    private long computed(String commune, String indicator) {
        RestClient.Response r = rest.get("/api/v1/observations/" + commune + "/" + indicator + "/"
                + Year.now().getValue() + "?origin=computed");
        return r.status() == 404 ? 0 : r.json().path("value").asLong();
    }

    @Test
    void successfulRequestsAreCountedPerCommuneAndBecomeIndicators() throws Exception {
        usage.flush();
        Bootstrap.recomputeIndicators(tissu);
        String[] rna = {null};
        tissu.store().select("SELECT ?id WHERE { ?a <https://w3id.org/tissu/ns#commune> <"
                + tissu.ids().commune("35238").getURI() + "> ; <http://purl.org/dc/terms/identifier> ?id ; "
                + "a <https://schema.org/NGO> } ORDER BY ?id LIMIT 1", Duration.ofSeconds(10),
                r -> rna[0] = r.getLiteral("id").getLexicalForm());
        long pagesBefore = computed("35238", "6.1");
        long directoryBefore = computed("35047", "2.2");

        for (int i = 0; i < 3; i++) {
            assertEquals(200, page("/id/association/" + rna[0]));
        }
        assertEquals(200, rest.get("/api/v1/associations/" + rna[0]).status());
        assertEquals(200, rest.get("/api/v1/activities?commune=35047").status());
        assertEquals(200, rest.get("/api/v1/search?q=judo&commune=35047").status());
        assertEquals(200, rest.get("/api/v1/communes/35047").status());
        assertEquals(200, page("/id/commune/35047"));
        // refused requests are not consultations
        assertEquals(400, rest.get("/api/v1/activities?commune=35047&age=-1").status());
        assertEquals(404, page("/id/association/W359999999"));

        // a request is counted once its response has gone: the client may see it a moment before
        long deadline = System.currentTimeMillis() + 5_000;
        do {
            Thread.sleep(50);
            usage.flush();
            Bootstrap.recomputeIndicators(tissu);
        } while (computed("35047", "2.2") - directoryBefore < 4 && System.currentTimeMillis() < deadline);
        assertEquals(4, computed("35238", "6.1") - pagesBefore, "3 page views and 1 API read of one association");
        assertEquals(4, computed("35047", "2.2") - directoryBefore, "2 filtered lists and 2 commune pages");

        // the log holds days, indicator codes, INSEE codes and counts: nothing about who asked
        List<String> lines = Files.readAllLines(tissu.config().dataDir().resolve(UsageLog.FILE));
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2}\\t(2\\.2|6\\.1)\\t[0-9][0-9AB][0-9]{3}\\t[1-9][0-9]*"), line);
        }
    }
}
