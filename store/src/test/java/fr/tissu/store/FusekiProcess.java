package fr.tissu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SPARQL 1.1 server for the remote store's tests: the standalone Apache Jena Fuseki jar (copied by the build
 * into {@code target/fuseki}), run as a separate JVM on loopback with a TDB2 dataset {@code /ds} in a temporary
 * directory, open to query, update and the Graph Store Protocol. Its log goes to {@code target/fuseki/fuseki-PORT.log}.
 */
public final class FusekiProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path database;

    private FusekiProcess(Process process, int port, Path database) {
        this.process = process;
        this.port = port;
        this.database = database;
    }

    /** Starts a server and waits until it answers (at most a minute). */
    public static FusekiProcess start() {
        Path jar = Path.of(System.getProperty("tissu.fuseki.jar", "target/fuseki/fuseki-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no Fuseki server jar at " + jar + " (the build copies it there)");
        }
        int port = LoopbackEngines.freePort();
        Path log = jar.resolveSibling("fuseki-" + port + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path database = Files.createTempDirectory("tissu-fuseki");
            Process p = new ProcessBuilder(java, "-Xmx1g", "-jar", jar.toString(), "--tdb2", "--loc=" + database,
                    "--update", "--localhost", "--ping", "--port=" + port, "/ds").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            FusekiProcess server = new FusekiProcess(p, port, database);
            LoopbackEngines.awaitAnswer("Fuseki", p, URI.create(server.base() + "/$/ping"), Duration.ofMinutes(1),
                    log, server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The remote store configuration for this server's dataset. */
    public StoreConfig.Remote remote() {
        return StoreConfig.Remote.of(URI.create(base() + "/ds/query"), URI.create(base() + "/ds/update"),
                URI.create(base() + "/ds/data"), Map.of());
    }

    /** Every quad in the server, whatever Tissu's store says: for checking what the store left behind. */
    public long quads() {
        return count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    }

    /** The number the query {@code q}, one {@code COUNT} as {@code ?n}, gives when sent to the server as it is. */
    public long count(String q) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/ds/query?query="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = r.body().lines().toList();
            return Long.parseLong(lines.get(1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a SPARQL update on the server directly. */
    public void update(String update) {
        LoopbackEngines.update(URI.create(base() + "/ds/update"), update);
    }

    @Override
    public void close() {
        LoopbackEngines.stop(process, 10, database);
    }
}
