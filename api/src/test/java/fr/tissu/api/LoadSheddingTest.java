package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.tissu.api.core.Instance;
import fr.tissu.api.core.LimitsConfig;
import fr.tissu.api.core.SparqlConfig;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * Beyond its allowance the server refuses at once, with {@code Retry-After}, instead of queueing: here one heavy
 * request at a time and none waiting, so a second heavy request is refused while the first runs, and cheap ones
 * (health, an API list, a Linked Data page) are still served. A per-client rate, where configured, gives 429.
 */
@ServerTest
class LoadSheddingTest {
    /** One heavy request at once, none waiting; plenty of room for the others; no per-client rate. */
    static final LimitsConfig LIMITS = new LimitsConfig(1, 0, 64, 64, Duration.ofMillis(200), 0, 20, false);

    private final Http1Client client;

    LoadSheddingTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Instance tissu = TestData.shared(new SparqlConfig(Duration.ofSeconds(4), 1000, 4));
        Main.server(server, tissu, new UsageCounter(tissu), LIMITS);
    }

    private Http1ClientResponse get(String pathAndQuery) {
        return get(client, pathAndQuery);
    }

    /** A GET of {@code pathAndQuery} (the client takes the query as parameters, not in the path). */
    private static Http1ClientResponse get(Http1Client client, String pathAndQuery) {
        String[] parts = pathAndQuery.split("\\?", 2);
        var request = client.get(parts[0]).header(HeaderNames.ACCEPT, "application/json");
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                request.queryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return request.request();
    }

    @Test
    void aHeavyRequestBeyondTheAllowanceIsRefusedAtOnceWhileCheapOnesAreServed() throws Exception {
        CompletableFuture<Status> heavy = CompletableFuture.supplyAsync(() -> {
            try (Http1ClientResponse res = client.get("/sparql").queryParam("query", SparqlProtocolTest.EXPLOSIVE)
                    .header(HeaderNames.ACCEPT, "application/sparql-results+json").request()) {
                return res.status();
            }
        });
        TestData.awaitRunningQueries(client, 1); // the explosive query holds the one heavy allowance for its 4 s
        long start = System.nanoTime();
        try (Http1ClientResponse res = get("/api/v1/search?q=judo&facets=theme")) {
            assertEquals(Status.SERVICE_UNAVAILABLE_503, res.status(), "a second heavy request: facets");
            assertTrue(res.headers().contains(HeaderNames.RETRY_AFTER));
            assertTrue(res.as(String.class).contains("busy"));
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "refused at once, not after a wait");
        try (Http1ClientResponse res = get("/api/v1/activities?commune=35238&format=csv")) {
            assertEquals(Status.SERVICE_UNAVAILABLE_503, res.status(), "an export is heavy too");
        }
        for (String cheap : List.of("/health/live", "/api/v1/activities?limit=2", "/id/commune/35238")) {
            try (Http1ClientResponse res = get(cheap)) {
                assertEquals(Status.OK_200, res.status(), cheap + " is served while the heavy request runs");
            }
        }
        assertEquals(Status.SERVICE_UNAVAILABLE_503, heavy.get(30, TimeUnit.SECONDS), "the explosive query's timeout");
        try (Http1ClientResponse res = get("/api/v1/search?q=judo&facets=theme")) {
            assertEquals(Status.OK_200, res.status(), "the allowance is free again");
        }
    }

    @Test
    void aClientBeyondItsRateGets429WithRetryAfter() throws Exception {
        LimitsConfig rate = new LimitsConfig(8, 16, 64, 64, Duration.ofSeconds(1), 0.25, 3, false);
        WebServerConfig.Builder builder = WebServer.builder().port(0).host("127.0.0.1");
        Instance tissu = TestData.shared();
        Main.server(builder, tissu, new UsageCounter(tissu), rate);
        WebServer server = builder.build().start();
        try {
            Http1Client own = Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build();
            List<Status> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try (Http1ClientResponse res = get(own, "/api/v1/activities?limit=1")) {
                    seen.add(res.status());
                    if (res.status() == Status.TOO_MANY_REQUESTS_429) {
                        long after = Long.parseLong(res.headers().first(HeaderNames.RETRY_AFTER).orElseThrow());
                        assertTrue(after >= 1 && after <= 4, "Retry-After " + after + " s at a request every 4 s");
                    }
                }
            }
            assertEquals(List.of(Status.OK_200, Status.OK_200, Status.OK_200, Status.TOO_MANY_REQUESTS_429), seen,
                    "a burst of 3, then the rate");
            try (Http1ClientResponse res = own.get("/health/live").request()) {
                assertEquals(Status.OK_200, res.status(), "health is never limited");
            }
            Thread.sleep(4_100);
            try (Http1ClientResponse res = get(own, "/api/v1/activities?limit=1")) {
                assertEquals(Status.OK_200, res.status(), "a token again after 4 s");
            }
        } finally {
            server.stop();
        }
    }
}
