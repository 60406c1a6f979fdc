package fr.tissu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A third real engine for the remote store's tests: Eclipse RDF4J Server (its WAR from Maven Central, run by Jetty's
 * standalone runner; both copied by the build into {@code target/rdf4j-server}) as a separate JVM on loopback, its
 * data in a temporary directory, with one native-store repository {@code tissu}. Reached through the RDF4J REST API,
 * as a deployment of RDF4J Server or GraphDB would be ({@link StoreConfig.Remote#rdf4j}).
 */
public final class Rdf4jServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private Rdf4jServerProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a server with an empty repository {@code tissu} and waits until it answers (at most two minutes). */
    public static Rdf4jServerProcess start() {
        Path home = Path.of(System.getProperty("tissu.rdf4j-server.dir", "target/rdf4j-server"));
        Path war = home.resolve("rdf4j-server.war");
        Path runner = home.resolve("jetty-runner.jar");
        if (!Files.isRegularFile(war) || !Files.isRegularFile(runner)) {
            throw new IllegalStateException("no RDF4J Server WAR or Jetty runner in " + home
                    + " (the build copies them there)");
        }
        int port = LoopbackEngines.freePort();
        Path log = home.resolve("rdf4j-server-" + port + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path dir = Files.createTempDirectory("tissu-rdf4j-server");
            Process p = new ProcessBuilder(java, "-Xmx512m", "-Dorg.eclipse.rdf4j.appdata.basedir=" + dir,
                    "-jar", runner.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--path", "/rdf4j-server", war.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Rdf4jServerProcess server = new Rdf4jServerProcess(p, port, dir);
            LoopbackEngines.awaitAnswer("RDF4J Server", p, URI.create(server.base() + "/protocol"),
                    Duration.ofMinutes(2), log, server);
            try {
                LoopbackEngines.createRepository(server.repository(), "openrdf:SailRepository",
                        "openrdf:NativeStore");
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start RDF4J Server from " + war, e);
        }
    }

    /** {@code http://127.0.0.1:PORT/rdf4j-server}. */
    public String base() {
        return "http://127.0.0.1:" + port + "/rdf4j-server";
    }

    /** The repository's address in the RDF4J REST API. */
    public String repository() {
        return base() + "/repositories/tissu";
    }

    /** The remote store configuration for this server's repository. */
    public StoreConfig.Remote remote() {
        return StoreConfig.Remote.rdf4j(URI.create(repository()), Map.of());
    }

    /** Runs a SPARQL update on the repository directly. */
    public void update(String update) {
        LoopbackEngines.update(URI.create(repository() + "/statements"), update);
    }

    @Override
    public void close() {
        LoopbackEngines.stop(process, 10, dir);
    }
}
