package fr.tissu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second real SPARQL 1.1 engine for the remote store's tests: OpenLink Virtuoso 7 from Debian
 * ({@code apt-get install virtuoso-opensource}; {@code .ci/run} installs it), run on loopback with its database in a
 * temporary directory, the anonymous SPARQL account granted updates (as an operator grants them to Tissu's account).
 * Endpoints: {@code /sparql} (query and update), {@code /sparql-graph-crud} (Graph Store Protocol).
 */
public final class VirtuosoProcess implements AutoCloseable {
    static final Path SERVER = Path.of("/usr/bin/virtuoso-t");
    /** What the SPARQL account needs to run updates, as isql statements. */
    static final String GRANTS = "grant SPARQL_UPDATE to \"SPARQL\"; "
            + "grant execute on DB.DBA.SPARQL_INSERT_DICT_CONTENT to \"SPARQL\"; "
            + "grant execute on DB.DBA.SPARQL_DELETE_DICT_CONTENT to \"SPARQL\"; "
            + "grant execute on DB.DBA.SPARUL_RUN to \"SPARQL\"; grant execute on DB.DBA.L_O_LOOK to \"SPARQL\"; "
            + "grant execute on DB.DBA.RDF_OBJ_ADD_KEYWORD_FOR_GRAPH to \"SPARQL\";";
    private static final Path ISQL = Path.of("/usr/bin/isql-vt");
    private static final Path INI = Path.of("/etc/virtuoso-opensource-7/virtuoso.ini");
    private final Process process;
    private final int http;
    private final Path dir;

    private VirtuosoProcess(Process process, int http, Path dir) {
        this.process = process;
        this.http = http;
        this.dir = dir;
    }

    /** Whether Debian's Virtuoso is installed here. */
    public static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(ISQL) && Files.isRegularFile(INI);
    }

    /** Starts a server and waits until it answers (at most two minutes). */
    public static VirtuosoProcess start() {
        try {
            Path dir = Files.createTempDirectory("tissu-virtuoso");
            int sql = LoopbackEngines.freePort();
            int http = LoopbackEngines.freePort();
            String ini = Files.readString(INI)
                    .replace("/var/lib/virtuoso-opensource-7/db", dir.toString())
                    .replaceAll("(?m)^ServerPort\\s*=\\s*1111", "ServerPort = " + sql)
                    .replaceAll("(?m)^ServerPort\\s*=\\s*8890", "ServerPort = " + http)
                    .replaceAll("(?m)^DirsAllowed\\s*=.*", "DirsAllowed = ., " + dir
                            + ", /usr/share/virtuoso-opensource-7/vad")
                    // Debian's default cuts every answer at 10,000 rows, silently: Tissu streams answers whole
                    .replaceAll("(?m)^ResultSetMaxRows\\s*=.*", "ResultSetMaxRows = 2000000000");
            Files.writeString(dir.resolve("virtuoso.ini"), ini);
            Process p = new ProcessBuilder(SERVER.toString(), "-f", "+configfile", dir.resolve("virtuoso.ini")
                    .toString()).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.log").toFile()).start();
            VirtuosoProcess server = new VirtuosoProcess(p, http, dir);
            LoopbackEngines.awaitAnswer("Virtuoso", p, URI.create(server.base() + "/sparql?query="
                    + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)), Duration.ofMinutes(2),
                    dir.resolve("out.log"), server);
            server.grantUpdates(sql);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Virtuoso", e);
        }
    }

    private void grantUpdates(int sql) throws IOException {
        Process isql = new ProcessBuilder(ISQL.toString(), Integer.toString(sql), "dba", "dba", "exec=" + GRANTS)
                .redirectErrorStream(true).redirectOutput(dir.resolve("grants.log").toFile()).start();
        try {
            if (!isql.waitFor(60, TimeUnit.SECONDS) || isql.exitValue() != 0) {
                throw new IllegalStateException("granting updates failed: " + Files.readString(dir.resolve(
                        "grants.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String base() {
        return "http://127.0.0.1:" + http;
    }

    /**
     * The remote store configuration for this server: no time limit sent as a parameter (Virtuoso reads
     * {@code timeout} in milliseconds and answers partial results past it), Tissu's own limit only.
     */
    public StoreConfig.Remote remote() {
        return remoteAt(base());
    }

    /** The remote store configuration for a Virtuoso at {@code base} ({@code http://host:port}). */
    static StoreConfig.Remote remoteAt(String base) {
        StoreConfig.Remote r = StoreConfig.Remote.of(URI.create(base + "/sparql"), URI.create(base + "/sparql"),
                URI.create(base + "/sparql-graph-crud"), Map.of());
        return new StoreConfig.Remote(r.query(), r.update(), r.graphStore(), null, null, r.readTimeout(), r.poll(), "",
                null, null);
    }

    /** Runs a SPARQL update on the server directly. */
    public void update(String update) {
        LoopbackEngines.update(URI.create(base() + "/sparql"), update);
    }

    @Override
    public void close() {
        LoopbackEngines.stop(process, 30, dir);
    }
}
