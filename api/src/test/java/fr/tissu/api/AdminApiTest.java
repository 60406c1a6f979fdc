package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.AdminConfig;
import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.loader.Loader;
import fr.tissu.loader.Territory;
import fr.tissu.store.read.ReferenceData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing into the running service over HTTP, on a real server over a real TDB2 store: who may, what is refused,
 * and that a load (then its removal) shows in every protocol without a restart.
 */
@ServerTest
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIRIE = "jeton-de-la-mairie-" + "0123456789abcdef0123456789abcdef";
    private static final String CLUBS = "jeton-des-clubs-" + "fedcba9876543210fedcba9876543210";
    private static final long MAX = 200_000;
    static Path data;
    static String header;
    static List<String> sampleRows;
    private final Http1Client client;
    private final int port;

    AdminApiTest(Http1Client client, WebServer server) {
        this.client = client;
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        Path dir = Files.createTempDirectory("tissu-admin");
        Path rna = dir.resolve("rna_waldec_synthetique.csv");
        try (InputStream in = Loader.class.getResourceAsStream("sample/rna_waldec_synthetique.csv")) {
            Files.copy(in, rna);
        }
        try (InputStream in = Loader.class.getResourceAsStream("sample/activites.csv")) {
            sampleRows = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\r?\n")));
        }
        header = sampleRows.removeFirst();
        Path activities = dir.resolve("activites.csv");
        Files.write(activities, List.of(header, sampleRows.get(0), sampleRows.get(1)));
        data = dir.resolve("data");
        assertEquals(0, TissuCommand.run("load", "--data", data.toString(), "--base", TestData.BASE, rna.toString(),
                activities.toString()));
        AdminConfig admin = new AdminConfig(List.of(
                new AdminConfig.Token("mairie", AdminConfig.sha256(MAIRIE), List.of()),
                new AdminConfig.Token("clubs", AdminConfig.sha256(CLUBS), List.of("activites-*.csv"))), MAX,
                Territory.of(List.of("35"), ReferenceData.get())); // Ille-et-Vilaine, where the sample is
        TissuConfig config = new TissuConfig(TestData.BASE, data, "tdb2", false, Duration.ofSeconds(20),
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (test)", SparqlConfig.defaults(),
                CatalogConfig.defaults()).withAdmin(admin);
        Instance tissu = Instance.open(config);
        Bootstrap.prepare(tissu);
        Main.server(server, tissu);
    }

    @Test
    void withoutAValidTokenNothingIsReadOrWrittenAndEveryAttemptIsLogged() throws Exception {
        try (Http1ClientResponse r = post("/admin/loads?name=activites-x.csv", null, "text/csv", "x")) {
            assertEquals(Status.UNAUTHORIZED_401, r.status());
            assertTrue(r.headers().first(HeaderNames.WWW_AUTHENTICATE).orElse("").startsWith("Bearer"));
            assertTrue(r.as(String.class).contains("Authorization: Bearer"));
        }
        try (Http1ClientResponse r = post("/admin/loads?name=activites-x.csv", "not-a-token", "text/csv", "x")) {
            assertEquals(Status.UNAUTHORIZED_401, r.status());
        }
        for (String path : List.of("/admin/graphs", "/admin/loads/123")) {
            try (Http1ClientResponse r = client.get(path).request()) {
                assertEquals(Status.UNAUTHORIZED_401, r.status(), path);
            }
        }
        try (Http1ClientResponse r = client.method(Method.DELETE).path("/admin/graphs/activites.csv")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + MAIRIE.toUpperCase()).request()) {
            assertEquals(Status.UNAUTHORIZED_401, r.status(), "tokens are compared exactly");
        }
        List<String> audit = Files.readAllLines(data.resolve("admin/audit.log"));
        assertTrue(audit.stream().filter(l -> l.contains("\"who\":null") && l.contains("\"result\":\"401\""))
                .count() >= 5, String.join("\n", audit));
        assertFalse(String.join("", audit).contains(MAIRIE), "no token in the log");
    }

    @Test
    void refusalsSayWhatIsWrongWithA4xx() throws Exception {
        String row = activity("Z-REFUS", "Refus");
        try (Http1ClientResponse r = post("/admin/loads?name=rna_waldec_35.csv", CLUBS, "text/csv", row)) {
            assertEquals(Status.FORBIDDEN_403, r.status(), "outside the token's sources");
            assertTrue(r.as(String.class).contains("activites-*.csv"));
        }
        try (Http1ClientResponse r = post("/admin/loads?name=activites-a.csv", MAIRIE, "image/png", row)) {
            assertEquals(Status.UNSUPPORTED_MEDIA_TYPE_415, r.status());
        }
        try (Http1ClientResponse r = post("/admin/loads?name=..csv", MAIRIE, "text/csv", row)) {
            assertEquals(Status.BAD_REQUEST_400, r.status());
        }
        try (Http1ClientResponse r = post("/admin/loads", MAIRIE, "text/csv", row)) {
            assertEquals(Status.BAD_REQUEST_400, r.status(), "no file name");
        }
        try (Http1ClientResponse r = post("/admin/loads?name=activites-a.csv&mode=fast", MAIRIE, "text/csv", row)) {
            assertEquals(Status.BAD_REQUEST_400, r.status());
            assertTrue(r.as(String.class).contains("skip-invalid"));
        }
        String big = header + "\n" + (row + "\n").repeat((int) (MAX / row.length()) + 10);
        try (Http1ClientResponse r = post("/admin/loads?name=activites-big.csv", MAIRIE, "text/csv", big)) {
            assertEquals(Status.REQUEST_ENTITY_TOO_LARGE_413, r.status());
        }
        try (Http1ClientResponse r = client.method(Method.DELETE).path("/admin/graphs/vocabulary")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + MAIRIE).request()) {
            assertEquals(Status.FORBIDDEN_403, r.status(), "the service's own graphs stay");
        }
        try (Http1ClientResponse r = client.method(Method.DELETE).path("/admin/graphs/absent.csv")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + MAIRIE).request()) {
            assertEquals(Status.NOT_FOUND_404, r.status());
        }
        assertEquals(List.of(), leftovers(), "nothing kept from refused uploads");
    }

    @Test
    void aRefusedFileLeavesTheDataAsItWasAndItsReportHasTheLines() throws Exception {
        long before = version();
        String bad = header + "\n" + activity("Z-BAD1", "Atelier correct") + "\n"
                + activity("Z-BAD2", "Atelier faux").replace("\"14:00\"", "\"25:99\"") + "\n";
        JsonNode job = finish(post("/admin/loads?name=activites-faux.csv", MAIRIE, "text/csv", bad));
        assertEquals("done", job.path("status").asText(), job.toString());
        JsonNode file = job.path("files").get(0);
        assertEquals("refused", file.path("status").asText(), file.toString());
        assertEquals(3, file.path("problems").get(0).path("line").asInt(), file.toString());
        assertEquals(before, version(), "a refused file changes nothing");
        try (Http1ClientResponse r = client.get("/api/v1/activities/Z-BAD1").request()) {
            assertEquals(Status.NOT_FOUND_404, r.status());
        }
        JsonNode dry = finish(post("/admin/loads?name=activites-essai.csv&dry-run=true", CLUBS, "text/csv",
                header + "\n" + activity("Z-DRY", "Essai") + "\n"));
        assertEquals("valid", dry.path("files").get(0).path("status").asText(), dry.toString());
        assertEquals(before, version(), "a dry run changes nothing");
    }

    @Test
    void aLoadShowsInEveryProtocolWithoutRestartAndItsRemovalToo() throws Exception {
        String title = "Capoeira des Prairies Saint-Martin";
        String csv = header + "\n" + activity("Z-CAPO", title) + "\n";
        long before = version();
        String catalogBefore = catalogModified();
        String since = java.time.Instant.now().minusSeconds(1).toString();
        JsonNode job = finish(post("/admin/loads?name=activites-capoeira.csv", CLUBS, "text/csv", csv));
        assertEquals("done", job.path("status").asText(), job.toString());
        assertEquals("loaded", job.path("files").get(0).path("status").asText(), job.toString());
        assertEquals("clubs", job.path("submittedBy").asText());
        assertTrue(job.path("dataVersion").asLong() > before);

        assertEquals(title, JSON.readTree(get("/api/v1/activities/Z-CAPO")).path("title").asText(), "REST");
        String gql = "{\"query\":\"{ activity(key: \\\"Z-CAPO\\\") { title } }\"}";
        try (Http1ClientResponse r = client.post("/graphql").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(gql)) {
            assertTrue(r.as(String.class).contains(title), "GraphQL");
        }
        assertTrue(get("/api/v1/search?q=capoeira").contains("Z-CAPO"), "search");
        assertTrue(sparqlAsk("ASK { ?a <https://schema.org/name> \"" + title + "\" }"), "SPARQL");
        assertTrue(get("/api/v1/activities?limit=500").contains("Z-CAPO"), "the in-memory lists");
        assertNotEquals(catalogBefore, catalogModified(), "the catalogue follows the new version");
        assertTrue(changes(since).contains("added /api/v1/activities/Z-CAPO"), "the change feed: " + changes(since));
        JsonNode sources = JSON.readTree(authorized("/admin/graphs"));
        JsonNode mine = null;
        for (JsonNode s : sources.path("sources")) {
            if (s.path("name").asText().equals("activites-capoeira.csv")) {
                mine = s;
            }
        }
        assertTrue(mine != null && mine.path("publishedBy").asText().equals("clubs"), sources.toString());
        assertTrue(job.path("dumpsWritten").asBoolean(), "the job ends once the dumps are written");
        assertTrue(get("/downloads/dumps/v" + job.path("dataVersion").asLong() + "/activities.csv")
                .contains("Z-CAPO"), "the dump of the new version");

        try (Http1ClientResponse r = client.method(Method.DELETE).path("/admin/graphs/activites-capoeira.csv")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + CLUBS).request()) {
            assertEquals(Status.ACCEPTED_202, r.status());
            JsonNode removal = await(r.headers().first(HeaderNames.LOCATION).orElseThrow());
            assertEquals("done", removal.path("status").asText(), removal.toString());
        }
        try (Http1ClientResponse r = client.get("/api/v1/activities/Z-CAPO").request()) {
            assertEquals(Status.NOT_FOUND_404, r.status());
        }
        assertFalse(get("/api/v1/activities?limit=500").contains("Z-CAPO"));
        assertFalse(get("/api/v1/search?q=capoeira").contains("Z-CAPO"));
        assertTrue(changes(since).contains("removed /api/v1/activities/Z-CAPO"), "a tombstone: " + changes(since));
        List<String> audit = Files.readAllLines(data.resolve("admin/audit.log"));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"who\":\"clubs\"") && l.contains("activites-capoeira.csv")
                && l.contains("\"sha256\":\"") && l.contains("\"result\":\"loaded\"")), String.join("\n", audit));
    }

    @Test
    void rowsOutsideTheTerritoryAreLeftOutAndUnknownAssociationsAreFlagged() throws Exception {
        String brest = activity("Z-BREST", "Voile en rade de Brest").replace("\"35047\"", "\"29019\"")
                .replace("\"35170\"", "\"29200\"");
        String orphan = activity("Z-ORPHAN", "Atelier sans association").replace("\"W350000002\"",
                "\"W359999999\"");
        String csv = header + "\n" + activity("Z-HERE", "Atelier d'ici") + "\n" + brest + "\n" + orphan + "\n";
        JsonNode file = finish(post("/admin/loads?name=activites-territoire.csv", MAIRIE, "text/csv", csv))
                .path("files").get(0);
        assertEquals("loaded", file.path("status").asText(), file.toString());
        assertEquals(2, file.path("accepted").asInt(), file.toString());
        assertEquals(1, file.path("outside").asInt(), "Brest is outside Ille-et-Vilaine: " + file);
        assertEquals(1, file.path("warningCount").asInt(), file.toString());
        assertEquals(4, file.path("warnings").get(0).path("line").asInt(), file.toString());
        assertEquals("W359999999", file.path("warnings").get(0).path("value").asText());
        try (Http1ClientResponse r = client.get("/api/v1/activities/Z-BREST").request()) {
            assertEquals(Status.NOT_FOUND_404, r.status());
        }
        JsonNode strict = finish(post("/admin/loads?name=activites-territoire.csv&require-associations=true", MAIRIE,
                "text/csv", csv)).path("files").get(0);
        assertEquals("refused", strict.path("status").asText(), strict.toString());
        assertEquals(4, strict.path("problems").get(0).path("line").asInt(), strict.toString());
        try (Http1ClientResponse r = post("/admin/loads?name=activites-territoire.csv&require-associations=maybe",
                MAIRIE, "text/csv", csv)) {
            assertEquals(Status.BAD_REQUEST_400, r.status());
        }
    }

    @Test
    void theLoadCommandPublishesThroughARunningServiceWithTheSameReportAndExitCodes(@TempDir Path dir)
            throws Exception {
        Path good = dir.resolve("activites-cli.csv");
        Files.writeString(good, header + "\n" + activity("Z-CLI", "Tai-chi du bord de Vilaine") + "\n");
        Path bad = dir.resolve("activites-cli-faux.csv");
        Files.writeString(bad, header + "\n" + activity("Z-CLI2", "Faux").replace("\"14:00\"", "\"xx\"") + "\n");
        Path token = dir.resolve("token");
        Files.writeString(token, MAIRIE + "\n");
        String url = "http://localhost:" + port;
        assertEquals(0, TissuCommand.run("load", "--server", url, "--token-file", token.toString(), good.toString()));
        assertEquals("Tai-chi du bord de Vilaine", JSON.readTree(get("/api/v1/activities/Z-CLI")).path("title")
                .asText(), "visible once the command returns");
        Path second = dir.resolve("activites-cli-b.csv");
        Files.writeString(second, header + "\n" + activity("Z-CLI3", "Qi gong des Gayeulles") + "\n");
        Path report2 = dir.resolve("report2.json");
        assertEquals(0, TissuCommand.run("load", "--server", url, "--token-file", token.toString(), "--report",
                report2.toString(), good.toString(), second.toString()), "two files, one publication");
        assertEquals(2, JSON.readTree(report2.toFile()).path("files").size());
        assertEquals("Qi gong des Gayeulles", JSON.readTree(get("/api/v1/activities/Z-CLI3")).path("title").asText());
        Path report = dir.resolve("report.json");
        assertEquals(2, TissuCommand.run("load", "--server", url, "--token-file", token.toString(), "--report",
                report.toString(), bad.toString()), "refused in strict mode: exit 2, as a local load");
        JsonNode file = JSON.readTree(report.toFile()).path("files").get(0);
        assertEquals("refused", file.path("status").asText());
        assertEquals(2, file.path("problems").get(0).path("line").asInt(), file.toString());
        Files.writeString(token, "not-a-token\n");
        assertEquals(4, TissuCommand.run("load", "--server", url, "--token-file", token.toString(), good.toString()),
                "a refused token: exit 4");
        assertEquals(4, TissuCommand.run("load", "--server", "http://localhost:1", "--token-file", token.toString(),
                good.toString()), "nothing listening: exit 4");
        Files.writeString(token, MAIRIE + "\n");
        assertEquals(0, TissuCommand.run("validate", "--server", url, "--token-file", token.toString(),
                good.toString()), "validate through the service");
        assertEquals(1, TissuCommand.run("validate", "--server", url, "--token-file", token.toString(),
                bad.toString()));
        assertEquals(0, TissuCommand.run("unload", "--server", url, "--token-file", token.toString(),
                "activites-cli.csv"), "unload through the service");
        try (Http1ClientResponse r = client.get("/api/v1/activities/Z-CLI").request()) {
            assertEquals(Status.NOT_FOUND_404, r.status(), "removed once the command returns");
        }
        assertEquals(2, TissuCommand.run("unload", "--server", url, "--token-file", token.toString(),
                "activites-cli.csv"), "nothing to remove: exit 2");
    }

    @Test
    void theStaffPageSignsInUploadsShowsTheReportAndRemovesASource() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/admin?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html lang=\"en\"") && page.body().contains("Publishing token"));
        HttpResponse<String> wrong = http.send(form(base + "/admin/sign-in", null, "token=nope"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("role=\"alert\""), wrong.body());
        HttpResponse<String> signed = http.send(form(base + "/admin/sign-in", null, "token=" + CLUBS),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signed.statusCode());
        String setCookie = signed.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String home = http.send(HttpRequest.newBuilder(URI.create(base + "/admin")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(home.contains("clubs") && home.contains("activites.csv"), "who, and the sources: " + home);
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(home);
        assertTrue(m.find());
        String csrf = m.group(1);

        String bad = header + "\n" + activity("Z-PAGE1", "Page").replace("\"14:00\"", "\"25:99\"") + "\n";
        HttpResponse<String> refused = http.send(multipart(base, cookie, csrf, "activites-page.csv", bad),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, refused.statusCode(), refused.body());
        String report = settled(http, base + refused.headers().firstValue("Location").orElseThrow(), cookie);
        assertTrue(report.contains("Refusé") && report.contains("<td>2</td>"), "the report with its line: " + report);

        String good = header + "\n" + activity("Z-PAGE2", "Gym douce du page") + "\n";
        HttpResponse<String> sent = http.send(multipart(base, cookie, csrf, "activites-page.csv", good),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(settled(http, base + sent.headers().firstValue("Location").orElseThrow(), cookie)
                .contains("Publié"));
        assertEquals("Gym douce du page", JSON.readTree(get("/api/v1/activities/Z-PAGE2")).path("title").asText());
        assertEquals(403, http.send(multipart(base, cookie, "forged", "activites-page.csv", good),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "a form this page did not give");
        assertEquals(401, http.send(multipart(base, "tissu-admin=unknown", csrf, "activites-page.csv", good),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "no session");

        HttpResponse<String> removed = http.send(form(base + "/admin/remove", cookie,
                "csrf=" + csrf + "&name=activites-page.csv"), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, removed.statusCode(), removed.body());
        settled(http, base + removed.headers().firstValue("Location").orElseThrow(), cookie);
        try (Http1ClientResponse r = client.get("/api/v1/activities/Z-PAGE2").request()) {
            assertEquals(Status.NOT_FOUND_404, r.status());
        }
        assertEquals(List.of(), leftovers(), "nothing kept from the forged form, nor from the finished jobs");
    }

    /** What is left in the upload directory (each job's directory is removed when it ends or is refused). */
    private static List<String> leftovers() throws IOException {
        Path uploads = data.resolve("admin/uploads");
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (var files = Files.list(uploads)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static HttpRequest form(String url, String cookie, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    private static HttpRequest multipart(String base, String cookie, String csrf, String name, String content) {
        String boundary = "----tissu" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nstrict\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create(base + "/admin/upload")).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** A publication's page once it no longer refreshes itself (the job has ended). */
    private static String settled(HttpClient http, String url, String cookie) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            if (!r.body().contains("http-equiv=\"refresh\"")) {
                return r.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the publication " + url + " did not end within a minute");
    }

    /** An activity row of the sample's first association, with its own id and title, on Mondays 14:00–15:30. */
    private static String activity(String id, String title) {
        String[] fields = sampleRows.get(0).split("\";\"", -1);
        fields[0] = "\"" + id;
        fields[2] = title;
        fields[11] = "lundi";
        fields[12] = "14:00";
        fields[13] = "15:30";
        return String.join("\";\"", fields);
    }

    private Http1ClientResponse post(String path, String token, String type, String body) {
        Http1ClientRequest req = at(client.method(Method.POST), path).header(HeaderNames.CONTENT_TYPE, type);
        if (token != null) {
            req.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return req.submit(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The job a 202 answer started, once it has finished. */
    private JsonNode finish(Http1ClientResponse accepted) throws Exception {
        try (accepted) {
            assertEquals(Status.ACCEPTED_202, accepted.status(), accepted.as(String.class));
            return await(accepted.headers().first(HeaderNames.LOCATION).orElseThrow());
        }
    }

    private JsonNode await(String location) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode job = JSON.readTree(authorized(location));
            String status = job.path("status").asText();
            if ((status.equals("done") && job.path("dumpsWritten").asBoolean()) || status.equals("failed")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job " + location + " did not finish within a minute");
    }

    private String authorized(String path) {
        try (Http1ClientResponse r = client.get(path).header(HeaderNames.AUTHORIZATION, "Bearer " + MAIRIE)
                .request()) {
            assertEquals(Status.OK_200, r.status(), path);
            return r.as(String.class);
        }
    }

    /** The request with {@code path}'s query as parameters (the client would encode a '?' in a path). */
    private static Http1ClientRequest at(Http1ClientRequest req, String path) {
        String[] parts = path.split("\\?", 2);
        req.path(parts[0]);
        if (parts.length > 1) {
            for (String param : parts[1].split("&")) {
                String[] kv = param.split("=", 2);
                req.queryParam(kv[0], kv[1]);
            }
        }
        return req;
    }

    private String get(String path) {
        try (Http1ClientResponse r = at(client.method(Method.GET), path).request()) {
            assertEquals(Status.OK_200, r.status(), path);
            return r.as(String.class);
        }
    }

    /** The change feed since {@code since}, one "change url" per item. */
    private List<String> changes(String since) throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(get("/api/v1/changes?since=" + since)).path("items")
                .forEach(i -> out.add(i.path("change").asText() + " " + i.path("url").asText()));
        return out;
    }

    /** The catalogue's {@code dct:modified}. */
    private String catalogModified() {
        try (Http1ClientResponse r = client.get("/catalog").header(HeaderNames.ACCEPT, "text/turtle").request()) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.as(String.class), Lang.TURTLE).parse(m);
            Resource catalog = m.listSubjectsWithProperty(RDF.type, DCAT.Catalog).next();
            return catalog.getRequiredProperty(DCTerms.modified).getString();
        }
    }

    private long version() throws IOException {
        return JSON.readTree(authorized("/admin/graphs")).path("dataVersion").asLong();
    }

    private boolean sparqlAsk(String query) throws IOException {
        try (Http1ClientResponse r = client.get("/sparql").queryParam("query", query)
                .header(HeaderNames.ACCEPT, "application/sparql-results+json").request()) {
            return JSON.readTree(r.as(String.class)).path("boolean").asBoolean();
        }
    }
}
