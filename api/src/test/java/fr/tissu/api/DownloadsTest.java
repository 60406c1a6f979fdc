package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import fr.tissu.api.core.Instance;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Files of the data directory's downloads folder: whole, conditional, by range, and nothing outside it. */
@ServerTest
@Tag(SharedSample.TAG)
class DownloadsTest {
    static byte[] content;
    private final Http1Client client;

    DownloadsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        Instance tissu = TestData.shared();
        Path dir = Files.createDirectories(tissu.config().dataDir().resolve("downloads/dumps"));
        content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        Files.write(dir.resolve("letters.nt"), content);
        Files.writeString(tissu.config().dataDir().resolve("secret.txt"), "not for you");
        Files.writeString(dir.resolve("activities.csv.part"), "half a dump, left by an interrupted refresh");
        Main.server(server, tissu);
    }

    @Test
    void aFileIsServedWithValidators() {
        try (Http1ClientResponse r = client.get("/downloads/dumps/letters.nt").request()) {
            assertEquals(200, r.status().code());
            assertEquals("application/n-triples", r.headers().contentType().orElseThrow().text());
            assertArrayEquals(content, r.as(byte[].class));
            String etag = r.headers().get(HeaderNames.ETAG).get();
            assertTrue(etag.startsWith("\""), etag);
            try (Http1ClientResponse again = client.get("/downloads/dumps/letters.nt")
                    .header(HeaderNames.IF_NONE_MATCH, etag).request()) {
                assertEquals(304, again.status().code());
            }
            try (Http1ClientResponse since = client.get("/downloads/dumps/letters.nt")
                    .header(HeaderNames.IF_MODIFIED_SINCE, r.headers().get(HeaderNames.LAST_MODIFIED).get())
                    .request()) {
                assertEquals(304, since.status().code());
            }
        }
        try (Http1ClientResponse head = client.method(Method.HEAD).path("/downloads/dumps/letters.nt").request()) {
            assertEquals(200, head.status().code());
            assertEquals("300000", head.headers().get(HeaderNames.CONTENT_LENGTH).get());
        }
    }

    @Test
    void rangesResumeADownload() {
        try (Http1ClientResponse r = client.get("/downloads/dumps/letters.nt").header(HeaderNames.RANGE,
                "bytes=299990-").request()) {
            assertEquals(206, r.status().code());
            assertEquals("bytes 299990-299999/300000", r.headers().get(HeaderNames.CONTENT_RANGE).get());
            assertArrayEquals(Arrays.copyOfRange(content, 299_990, 300_000), r.as(byte[].class));
        }
        try (Http1ClientResponse r = client.get("/downloads/dumps/letters.nt").header(HeaderNames.RANGE,
                "bytes=-5").request()) {
            assertEquals(206, r.status().code());
            assertArrayEquals(Arrays.copyOfRange(content, 299_995, 300_000), r.as(byte[].class));
        }
        try (Http1ClientResponse r = client.get("/downloads/dumps/letters.nt").header(HeaderNames.RANGE,
                "bytes=400000-").request()) {
            assertEquals(416, r.status().code());
            assertEquals("bytes */300000", r.headers().get(HeaderNames.CONTENT_RANGE).get());
        }
        try (Http1ClientResponse r = client.get("/downloads/dumps/letters.nt").header(HeaderNames.RANGE,
                "bytes=10-19").header(HeaderNames.IF_RANGE, "\"stale\"").request()) {
            assertEquals(200, r.status().code(), "a stale If-Range gets the whole file");
        }
    }

    @Test
    void nothingOutsideTheFolder() {
        for (String path : List.of("/downloads/../secret.txt", "/downloads/%2e%2e/secret.txt",
                "/downloads/dumps/none.nt", "/downloads/dumps", "/downloads/dumps/activities.csv.part")) {
            try (Http1ClientResponse r = client.get(path).request()) {
                assertEquals(404, r.status().code(), path);
            }
        }
    }
}
