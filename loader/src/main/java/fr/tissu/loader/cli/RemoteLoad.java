package fr.tissu.loader.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.loader.FileReport;
import fr.tissu.loader.Loader;
import fr.tissu.loader.Problem;

/**
 * {@code tissu load} against a running service: the files are sent to its admin API in one request ({@code POST
 * /admin/loads}, multipart), and the job is followed until it ends; the reports are the service's, so the summary
 * and exit codes are those of a local load. The token comes from the environment ({@code TISSU_TOKEN}) or a file,
 * never from the command line.
 */
final class RemoteLoad {
    /** Where a running server writes its local address, in its data directory. */
    static final String SERVER_FILE = "admin/server";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final String token;
    private final PrintStream err;

    /** The reason a file could not be sent (the service refused it, or could not be reached). */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    RemoteLoad(URI server, String token, PrintStream err) {
        this.server = server;
        this.token = token;
        this.err = err;
    }

    /** The address a server running on {@code data} wrote, if one is running there. */
    static Optional<URI> serverOf(Path data) {
        Path file = data.resolve(SERVER_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(URI.create(Files.readString(file).strip()))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The token: the first line of {@code file}, else {@code TISSU_TOKEN}; {@code null} when there is none. */
    static String token(Path file) throws IOException {
        if (file != null) {
            return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .orElse(null);
        }
        String env = System.getenv("TISSU_TOKEN");
        return env == null || env.isBlank() ? null : env.strip();
    }

    /**
     * Sends {@code files} in one request (one publication: the derived data follows once) and waits for it; the
     * reports, in order.
     */
    List<FileReport> load(List<Path> files, Loader.Options options) throws Unreachable, InterruptedException {
        List<FileReport> reports = new ArrayList<>();
        String boundary = "tissu-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(field(boundary, "mode", options.mode() == Loader.Mode.STRICT ? "strict" : "skip-invalid"));
        parts.add(field(boundary, "dry-run", Boolean.toString(options.dryRun())));
        parts.add(field(boundary, "require-associations", Boolean.toString(options.requireAssociations())));
        if (options.format() != null) {
            parts.add(field(boundary, "format", options.format().key()));
        }
        List<String> sent = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file)) {
                reports.add(failed(name, "no such file"));
                continue;
            }
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                    + "name=\"file\"; filename=\"" + name.replace("\"", "") + "\"\r\nContent-Type: "
                    + (name.endsWith(".csv") ? "text/csv" : "application/octet-stream") + "\r\n\r\n"));
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(file));
            } catch (IOException e) {
                reports.add(failed(name, "cannot read it: " + e.getMessage()));
                parts.removeLast();
                continue;
            }
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
            sent.add(name);
        }
        if (sent.isEmpty()) {
            return reports;
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        HttpResponse<String> res;
        try {
            res = http.send(request("/admin/loads").header("Content-Type", "multipart/form-data; boundary="
                    + boundary).POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + server + ": " + e.getMessage());
        }
        if (res.statusCode() == 401 || res.statusCode() == 403) {
            throw new Unreachable(server + " refused the token (" + res.statusCode() + "): " + detail(res));
        }
        String what = String.join(", ", sent);
        if (res.statusCode() != 202) {
            sent.forEach(n -> reports.add(failed(n, server + " answered " + res.statusCode() + ": " + detail(res))));
            return reports;
        }
        String job = res.headers().firstValue("Location").orElseThrow();
        err.println(what + ": sent to " + server + ", publication " + job);
        reports.addAll(follow(job, what));
        return reports;
    }

    /**
     * Removes the source {@code name} through the service ({@code DELETE /admin/graphs/{name}}) and waits for it;
     * false when the service has no such source.
     */
    boolean unload(String name) throws Unreachable, InterruptedException {
        HttpResponse<String> res;
        try {
            res = http.send(request("/admin/graphs/" + java.net.URLEncoder.encode(name,
                    java.nio.charset.StandardCharsets.UTF_8)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + server + ": " + e.getMessage());
        }
        if (res.statusCode() == 404) {
            return false;
        }
        if (res.statusCode() != 202) {
            throw new Unreachable(server + " refused to remove " + name + " (" + res.statusCode() + "): "
                    + detail(res));
        }
        String job = res.headers().firstValue("Location").orElseThrow();
        err.println(name + ": removal sent to " + server + ", publication " + job);
        List<FileReport> failed = follow(job, name);
        if (!failed.isEmpty() && failed.getFirst().status() == FileReport.Status.FAILED) {
            throw new Unreachable(failed.getFirst().problems().getFirst().reason());
        }
        return true;
    }

    private static HttpRequest.BodyPublisher field(String boundary, String name, String value) {
        return HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private List<FileReport> follow(String job, String name) throws Unreachable, InterruptedException {
        String last = "";
        while (true) {
            JsonNode status;
            try {
                status = JSON.readTree(http.send(request(job).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body());
            } catch (IOException e) {
                throw new Unreachable("lost " + server + " while following " + job + ": " + e.getMessage());
            }
            String now = status.path("status").asText();
            if (!now.equals(last)) {
                err.println(name + ": " + now);
                last = now;
            }
            if (now.equals("failed")) {
                return List.of(failed(name, "the service could not publish it: " + status.path("error").asText()));
            }
            if (now.equals("done")) {
                List<FileReport> reports = new ArrayList<>();
                status.path("files").forEach(f -> reports.add(FileReport.fromJson(f)));
                return reports;
            }
            Thread.sleep(500);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static String detail(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body()).path("detail").asText(res.body());
        } catch (IOException e) {
            return res.body();
        }
    }

    private static FileReport failed(String name, String reason) {
        return new FileReport(name, "?", null, FileReport.Status.FAILED, 0, 0, 0, 0, 0, 0, null, null, 1,
                List.of(new Problem(name, 0, null, null, reason)), 0, List.of());
    }
}
