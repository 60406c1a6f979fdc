package fr.tissu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * What the SPARQL engines the tests start on loopback ({@link FusekiProcess}, {@link VirtuosoProcess},
 * {@link Rdf4jServerProcess}) share.
 */
final class LoopbackEngines {
    private LoopbackEngines() {
    }

    /** A port nobody listens on now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code probe} answers 200 (at most {@code limit}); if {@code process} stops first or the time runs
     * out, closes {@code server} and fails, naming {@code log}.
     */
    static void awaitAnswer(String name, Process process, URI probe, Duration limit, Path log,
                            AutoCloseable server) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        String failure = name + " did not answer within " + limit.toSeconds() + " s: see " + log;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                failure = name + " stopped at start: see " + log;
                break;
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(probe).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            server.close();
        } catch (Exception e) {
            // stopping a server that failed to start
        }
        throw new IllegalStateException(failure);
    }

    /**
     * Creates an empty repository at {@code repository} ({@code …/repositories/ID}) through the RDF4J REST API, as
     * RDF4J Server and GraphDB take it: its configuration in Turtle, {@code PUT} on its address.
     */
    static void createRepository(String repository, String repositoryType, String sailType) {
        String id = repository.substring(repository.lastIndexOf('/') + 1);
        String config = """
                @prefix rep: <http://www.openrdf.org/config/repository#> .
                @prefix sr: <http://www.openrdf.org/config/repository/sail#> .
                @prefix sail: <http://www.openrdf.org/config/sail#> .
                [] a rep:Repository ; rep:repositoryID "%s" ; rep:repositoryImpl [
                    rep:repositoryType "%s" ; sr:sailImpl [ sail:sailType "%s" ] ] .
                """.formatted(id, repositoryType, sailType);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(repository))
                    .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(config)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("the repository " + repository + " was refused: " + r.statusCode()
                        + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a SPARQL update on {@code endpoint} directly (the protocol's form-encoded {@code update}). */
    static void update(URI endpoint, String update) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + URLEncoder.encode(update,
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("update refused: " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops {@code process} (forcibly after {@code seconds}) and deletes its temporary directory. */
    static void stop(Process process, int seconds, Path dir) {
        process.destroy();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
    }
}
