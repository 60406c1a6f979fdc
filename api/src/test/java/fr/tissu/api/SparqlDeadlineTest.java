package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
 * The SPARQL timeout bounds the whole response: a client that stops reading a large answer loses its connection at
 * the deadline and frees its query slot (it used to hold it until it disconnected, every other query getting 429),
 * and an answer cut after its first bytes is never ended as if it were complete. Raw sockets, to be the client that
 * stops reading and to see the bytes as sent.
 */
@ServerTest
class SparqlDeadlineTest {
    /** One slot, so that a held slot shows as 429 for everyone else. */
    static final SparqlConfig LIMITS = new SparqlConfig(Duration.ofSeconds(3), 1000, 1);
    /** 1,000 rows of about 13 KB each: far more than the sockets' buffers hold. */
    static final String LARGE = "SELECT ?x7 { ?a a <https://schema.org/NGO> . ?b a <https://schema.org/NGO> "
            + "BIND(CONCAT(STR(?a), STR(?b)) AS ?x1) BIND(CONCAT(?x1, ?x1) AS ?x2) BIND(CONCAT(?x2, ?x2) AS ?x3) "
            + "BIND(CONCAT(?x3, ?x3) AS ?x4) BIND(CONCAT(?x4, ?x4) AS ?x5) BIND(CONCAT(?x5, ?x5) AS ?x6) "
            + "BIND(CONCAT(?x6, ?x6) AS ?x7) }";
    /** 900 rows at once (past the first buffer), then a count that runs into the timeout. */
    static final String CUT = "SELECT ?a { { SELECT ?a { ?a a <https://schema.org/NGO> } LIMIT 900 } UNION "
            + "{ SELECT (COUNT(*) AS ?a) { ?x ?p ?y . ?z ?q ?w . ?u ?r ?v } } }";

    private final Http1Client client;
    private final int port;

    SparqlDeadlineTest(Http1Client client, WebServer server) {
        this.client = client;
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared(LIMITS));
    }

    @Test
    void aClientThatStopsReadingLosesItsSlotAtTheDeadline() throws Exception {
        try (Socket idle = request(LARGE)) {
            long start = System.nanoTime();
            TestData.awaitRunningQueries(client, 1);
            assertEquals(Status.TOO_MANY_REQUESTS_429, ask(), "the one slot is held by the client that reads nothing");
            Status status;
            do {
                Thread.sleep(200);
                status = ask();
            } while (status != Status.OK_200 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Status.OK_200, status, "the slot is freed while the idle client is still connected");
            assertTrue(ms < LIMITS.timeout().toMillis() + 6_000, "freed " + ms + " ms after the query started");
            String received = readAll(idle);
            assertTrue(received.startsWith("HTTP/1.1 200"), received.substring(0, Math.min(80, received.length())));
            assertFalse(received.endsWith("\r\n0\r\n\r\n"), "the cut answer is not ended as if complete");
        }
    }

    @Test
    void anAnswerCutAfterItsFirstBytesIsNotEndedAsComplete() throws Exception {
        try (Socket s = request(CUT)) {
            long start = System.nanoTime();
            String received = readAll(s);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(received.startsWith("HTTP/1.1 200"), received.substring(0, Math.min(80, received.length())));
            assertTrue(received.contains("\"bindings\""), "the first rows were sent");
            assertFalse(received.endsWith("\r\n0\r\n\r\n"), "the connection is dropped, the chunked body not ended");
            assertFalse(received.strip().endsWith("}"), "no well-formed JSON a client could take as the answer");
            assertTrue(ms < LIMITS.timeout().toMillis() + 8_000, "ended " + ms + " ms after the start");
        }
        assertEquals(Status.OK_200, ask(), "the slot is free again");
    }

    /** Sends a GET for {@code query} on a socket with a small receive buffer, reading nothing. */
    private Socket request(String query) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        String target = "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: "
                + "application/sparql-results+json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** Everything the server sends until it closes the connection (at most 30 s of silence). */
    private static String readAll(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open without sending for 30 s", e);
        } catch (SocketException e) {
            // reset by the server: what was received is what counts
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private Status ask() {
        try (Http1ClientResponse res = client.get("/sparql").queryParam("query", "ASK { ?s ?p ?o }")
                .header(HeaderNames.ACCEPT, "application/sparql-results+json").request()) {
            return res.status();
        }
    }

}
