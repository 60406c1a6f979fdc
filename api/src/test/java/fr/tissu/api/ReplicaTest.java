package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.AdminConfig;
import fr.tissu.loader.Loader;
import fr.tissu.store.FusekiProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code tissu serve} processes on one remote store (a Fuseki server on loopback), configured by the environment
 * as an operator would: files published through one are served by the other — REST, search and SPARQL — within the
 * poll interval plus its refresh, and meanwhile the other answers from the data before or after, never from half.
 */
class ReplicaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TOKEN = AdminConfig.newToken();
    private static final Duration POLL = Duration.ofMillis(500);
    @TempDir
    Path dir;
    private final List<Process> servers = new ArrayList<>();
    private FusekiProcess fuseki;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : servers) {
            p.destroy();
            p.waitFor();
        }
        if (fuseki != null) {
            fuseki.close();
        }
    }

    @Test
    void whatOneInstancePublishesTheOtherServesWithinThePollInterval() throws Exception {
        fuseki = FusekiProcess.start();
        int a = start("a");
        List<String> rna = sample("rna_waldec_synthetique.csv");
        List<String> activities = sample("activites.csv");
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        Path rnaFile = dir.resolve("rna_waldec_synthetique.csv");
        Path actFile = dir.resolve("activites.csv");
        Files.write(rnaFile, rna.subList(0, 41));
        Files.write(actFile, activities.subList(0, 31));
        assertEquals(0, TissuCommand.run("load", "--server", "http://127.0.0.1:" + a, "--token-file",
                token.toString(), rnaFile.toString(), actFile.toString()));
        int b = start("b");
        assertEquals(30, total(b, "/api/v1/activities?limit=1"), "the second instance starts on the store's data");

        String[] fields = rna.get(1).split("\";\"", -1); // every field is quoted; titre is the 12th
        fields[11] = "Club de réplication vérifiée";
        String id = rna.get(1).substring(1, rna.get(1).indexOf('"', 1));
        List<String> renamed = new ArrayList<>(rna.subList(0, 41));
        renamed.set(1, String.join("\";\"", fields));
        Files.write(rnaFile, renamed);
        Files.write(actFile, activities.subList(0, 41));
        long start = System.nanoTime();
        assertEquals(0, TissuCommand.run("load", "--server", "http://127.0.0.1:" + a, "--token-file",
                token.toString(), rnaFile.toString(), actFile.toString()));
        long published = System.nanoTime();

        Set<Long> totals = new TreeSet<>();
        String ask = "ASK { ?a <https://schema.org/name> \"Club de réplication vérifiée\" }";
        boolean rest = false;
        boolean search = false;
        boolean sparql = false;
        while (!(rest && search && sparql) && System.nanoTime() - published < Duration.ofSeconds(60).toNanos()) {
            totals.add(total(b, "/api/v1/activities?limit=1"));
            rest = rest || json(b, "/api/v1/associations/" + id).toString().contains("réplication vérifiée");
            search = search || json(b, "/api/v1/search?q=" + enc("réplication vérifiée")).toString().contains(id);
            sparql = sparql || get(b, "/sparql?query=" + enc(ask), "application/sparql-results+json").body()
                    .contains("true");
            Thread.sleep(100);
        }
        long followed = System.nanoTime();
        assertTrue(rest && search && sparql, "served by the other instance: REST " + rest + ", search " + search
                + ", SPARQL " + sparql);
        totals.add(total(b, "/api/v1/activities?limit=1"));
        assertTrue(Set.of(30L, 40L).containsAll(totals), "the other instance served only whole versions: " + totals);
        assertEquals(40, total(b, "/api/v1/activities?limit=1"));
        System.getLogger(ReplicaTest.class.getName()).log(System.Logger.Level.INFO, "load through one instance: {0} "
                + "ms; served by the other {1} ms after", (published - start) / 1_000_000,
                (followed - published) / 1_000_000);
        JsonNode changes = json(b, "/api/v1/changes");
        assertTrue(changes.toString().contains(id), "the other instance's change feed has the renamed club");
    }

    /** Starts {@code tissu serve} on the remote store in its own JVM, configured by its environment. */
    private int start(String name) throws Exception {
        int port = PublicAddressTest.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("server-" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", Integer.toString(port), "--data",
                dir.resolve("data-" + name).toString());
        pb.environment().put("TISSU_STORE_KIND", "remote");
        pb.environment().put("TISSU_STORE_QUERY_URL", fuseki.base() + "/ds/query");
        pb.environment().put("TISSU_STORE_UPDATE_URL", fuseki.base() + "/ds/update");
        pb.environment().put("TISSU_STORE_GRAPH_STORE_URL", fuseki.base() + "/ds/data");
        pb.environment().put("TISSU_STORE_POLL", POLL.toString());
        pb.environment().put("TISSU_LOAD_SAMPLE_ON_EMPTY", "false");
        pb.environment().put("TISSU_ADMIN_TOKENS_0_NAME", "test");
        pb.environment().put("TISSU_ADMIN_TOKENS_0_SHA256", AdminConfig.sha256(TOKEN));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = pb.start();
        servers.add(server);
        for (int i = 0; i < 1800; i++) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped: " + Files.readString(log));
            }
            try {
                if (get(port, "/health/ready", "*/*").statusCode() == 200) {
                    return port;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 3 minutes: " + Files.readString(log));
    }

    private static long total(int port, String path) throws IOException, InterruptedException {
        return json(port, path).path("total").asLong(-1);
    }

    private static JsonNode json(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(port, path, "application/json");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(int port, String path, String accept)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> sample(String name) throws IOException {
        try (InputStream in = Loader.class.getResourceAsStream("sample/" + name)) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")));
        }
    }
}
