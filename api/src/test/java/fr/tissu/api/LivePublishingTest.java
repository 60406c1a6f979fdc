package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.AdminConfig;
import fr.tissu.loader.Loader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing into a server running in its own process, as staff do: the server holds the store, 'tissu load' on
 * the same data directory publishes through it while a client keeps asking, and a server killed (SIGKILL) in the
 * middle of a load comes back with the data it had.
 */
class LivePublishingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TOKEN = AdminConfig.newToken();
    @TempDir
    Path dir;
    private Process server;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void aLoadThroughTheCommandLandsWhileRequestsKeepBeingAnswered() throws Exception {
        Path data = prepare();
        start(data);
        List<String> rows = sample("rna_waldec_synthetique.csv");
        String[] fields = rows.get(1).split("\";\"", -1); // every field is quoted; titre is the 12th
        fields[11] = "Club renommé en direct";
        String renamed = String.join("\";\"", fields);
        String rna = rows.get(1).substring(1, rows.get(1).indexOf('"', 1));
        rows.set(1, renamed);
        Path file = dir.resolve("rna_waldec_synthetique.csv");
        Files.write(file, rows);
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread client = Thread.ofPlatform().start(() -> {
            List<String> paths = List.of("/api/v1/associations?limit=5", "/api/v1/activities?limit=5",
                    "/api/v1/search?q=club", "/api/v1/associations/" + rna);
            for (int i = 0; loading.get(); i++) {
                String path = paths.get(i % paths.size());
                try {
                    HttpResponse<String> r = get(path);
                    if (r.statusCode() != 200) {
                        failures.add(r.statusCode() + " " + path + " " + r.body());
                    }
                    answered.incrementAndGet();
                } catch (IOException | InterruptedException e) {
                    failures.add(e + " " + path);
                }
            }
        });
        long started = System.nanoTime();
        // the store is held by the server: the command finds it and publishes through it
        assertEquals(0, TissuCommand.run("load", "--data", data.toString(), "--token-file", token.toString(),
                file.toString()));
        long visible = -1;
        for (int i = 0; i < 100 && visible < 0; i++) {
            if (get("/api/v1/associations/" + rna).body().contains("Club renommé en direct")) {
                visible = (System.nanoTime() - started) / 1_000_000;
            } else {
                Thread.sleep(100);
            }
        }
        loading.set(false);
        client.join();
        assertTrue(visible >= 0, "the new name is served within 10 s of the command's end");
        assertTrue(answered.get() > 20, "the client kept asking: " + answered.get());
        assertEquals(List.of(), failures, "no request failed during the load");
        System.out.println("live load of " + (rows.size() - 1) + " RNA rows through the command: visible after "
                + visible + " ms; " + answered.get() + " requests answered meanwhile, none failed");
    }

    @Test
    void aServerKilledDuringALoadComesBackWithThePreviousDataAndAConsistentIndex() throws Exception {
        Path data = prepare();
        start(data);
        String before = get("/api/v1/associations?limit=1").body();
        long total = JSON.readTree(before).path("total").asLong();
        long hits = JSON.readTree(get("/api/v1/search?q=club").body()).path("total").asLong();
        Path big = dir.resolve("generated");
        assertEquals(0, TissuCommand.run("generate", "--out", big.toString(), "--associations", "30000",
                "--activities", "10", "--seed", "7"));
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(uri("/admin/loads?name=rna_35.csv"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(big.resolve("rna_waldec_synthetique.csv"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String job = accepted.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 200; i++) {
            String status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri(job))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).path("status").asText();
            if (status.equals("running")) {
                break;
            }
            assertEquals("queued", status);
            Thread.sleep(20);
        }
        Thread.sleep(500); // into the load's write transaction (30,000 rows: several seconds)
        server.destroyForcibly(); // SIGKILL
        server.waitFor();

        start(data);
        JsonNode after = JSON.readTree(get("/api/v1/associations?limit=1").body());
        assertEquals(total, after.path("total").asLong(), "the previous data, exactly");
        assertEquals(hits, JSON.readTree(get("/api/v1/search?q=club").body()).path("total").asLong(),
                "the index answers as before");
        HttpResponse<String> graphs = HTTP.send(HttpRequest.newBuilder(uri("/admin/graphs"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(graphs.body().contains("rna_35.csv"), "nothing of the interrupted load: " + graphs.body());
        JsonNode health = JSON.readTree(get("/health/ready").body());
        assertEquals("UP", health.path("status").asText(), health.toString());
        assertFalse(Files.exists(data.resolve("admin/uploads").resolve(job.substring(job.lastIndexOf('/') + 1))),
                "the interrupted upload is cleared at start");
    }

    /** A data directory with the sample's associations and a few activities, loaded by the command. */
    private Path prepare() throws IOException {
        Path seed = Files.createDirectories(dir.resolve("seed"));
        Path rna = seed.resolve("rna_waldec_synthetique.csv");
        Files.write(rna, sample("rna_waldec_synthetique.csv"));
        List<String> activities = sample("activites.csv");
        Path act = seed.resolve("activites.csv");
        Files.write(act, activities.subList(0, 30));
        Path data = dir.resolve("data");
        assertEquals(0, TissuCommand.run("load", "--data", data.toString(), rna.toString(), act.toString()));
        return data;
    }

    /** Starts {@code tissu serve} in its own JVM on {@code data}, with the test's token, and waits until ready. */
    private void start(Path data) throws Exception {
        port = PublicAddressTest.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", Integer.toString(port), "--data", data.toString());
        pb.environment().put("TISSU_ADMIN_TOKENS_0_NAME", "test");
        pb.environment().put("TISSU_ADMIN_TOKENS_0_SHA256", AdminConfig.sha256(TOKEN));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server-" + port + ".log").toFile());
        server = pb.start();
        for (int i = 0; i < 1200; i++) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped: " + Files.readString(dir.resolve("server-" + port
                        + ".log")));
            }
            try {
                if (get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 2 minutes");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> sample(String name) throws IOException {
        try (InputStream in = Loader.class.getResourceAsStream("sample/" + name)) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")));
        }
    }
}
