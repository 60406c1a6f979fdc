package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Inputs that once gave a 500: each gets a 4xx that says what is wrong (or a plain empty answer). */
@ServerTest
@Tag(SharedSample.TAG)
class BadInputTest {
    private final RestClient rest;
    private final Http1Client client;

    BadInputTest(Http1Client client) {
        this.rest = new RestClient(client);
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    private static String words(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("judo").append(i).append(' ');
        }
        return URLEncoder.encode(s.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void aQueryOfHundredsOfWordsIsA400() {
        for (String path : new String[] {"/api/v1/search?q=", "/api/v1/activities?q=", "/api/v1/associations?q="}) {
            RestClient.Response res = rest.get(path + words(400));
            assertEquals(400, res.status(), path + ": " + res.body());
            assertTrue(res.body().contains("at most 64 words"), res.body());
            assertEquals(200, rest.get(path + words(60)).status(), path + " with 60 words");
        }
        String q = "judo ".repeat(400);
        try (Http1ClientResponse res = client.post("/graphql").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"query\":\"{ search(q: \\\"" + q + "\\\") { totalCount } }\"}")) {
            String body = res.as(String.class);
            assertEquals(200, res.status().code(), body);
            assertTrue(body.contains("BAD_INPUT") && body.contains("at most 64 words"), body);
            assertFalse(body.contains("internal error"), body);
        }
    }

    private String graphql(String query) {
        try (Http1ClientResponse res = client.post("/graphql").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")) {
            assertEquals(200, res.status().code());
            return res.as(String.class);
        }
    }

    @Test
    void aQueryBodyOverOneMebibyteIsA413WithoutBeingReadWhole() {
        String big = "# " + "x".repeat(2 << 20) + "\nASK {}";
        for (String[] target : new String[][] {{"/sparql", "application/sparql-query"},
            {"/graphql", "application/json"}}) {
            try (Http1ClientResponse res = client.post(target[0]).header(HeaderNames.CONTENT_TYPE, target[1])
                    .submit(big)) {
                assertEquals(413, res.status().code(), target[0] + " with Content-Length");
            }
            try (Http1ClientResponse res = client.post(target[0]).header(HeaderNames.CONTENT_TYPE, target[1])
                    .outputStream(out -> {
                        byte[] chunk = new byte[64 * 1024];
                        java.util.Arrays.fill(chunk, (byte) ' ');
                        try {
                            for (int i = 0; i < 40; i++) {
                                out.write(chunk);
                            }
                        } catch (java.io.IOException e) {
                            // the server may answer and close before the whole body is sent
                        }
                        out.close();
                    })) {
                assertEquals(413, res.status().code(), target[0] + " chunked");
            }
        }
        try (Http1ClientResponse res = client.post("/sparql").header(HeaderNames.CONTENT_TYPE,
                "application/sparql-query").submit("ASK {}")) {
            assertEquals(200, res.status().code(), "a small query is served");
        }
    }

    @Test
    void anAssociationIdCannotCarryQueryText() {
        String iri = TestData.BASE + "/id/association/W350000002";
        assertTrue(graphql("{ association(id: \"" + iri + "\") { name } }").contains("\"name\""));
        String injected = graphql("{ association(id: \"" + iri + "> ?p ?o . ?a ?b ?c . ?d ?e ?f . ?g ?h ?i #\") "
                + "{ name } }");
        assertTrue(injected.contains("BAD_INPUT") && injected.contains("not an association of this instance"),
                injected);
    }

    @Test
    void aCursorThatIsNotOneIsA400AndOnePastTheEndIsAnEmptyPage() {
        assertEquals(400, rest.get("/api/v1/observations?after=garbage").status());
        assertEquals(400, rest.get("/api/v1/observations?after=%25%25%25").status());
        String past = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "\uffff\uffff".getBytes(StandardCharsets.UTF_8));
        RestClient.Response end = rest.get("/api/v1/observations?after=" + past);
        assertEquals(200, end.status(), end.body());
        assertTrue(end.body().contains("\"items\":[]"), end.body());
        String odd = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff, 0x00, 0x22});
        RestClient.Response weird = rest.get("/api/v1/observations?after=" + odd);
        assertTrue(weird.status() == 200 || weird.status() == 400, weird.status() + " " + weird.body());
    }
}
