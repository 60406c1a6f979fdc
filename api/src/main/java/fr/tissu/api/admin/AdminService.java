package fr.tissu.api.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.AdminConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.http.Problem;
import fr.tissu.loader.Loader;
import fr.tissu.vocabulary.Prefixes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The admin API: commune staff publish into the running service with a bearer token. {@code POST /admin/loads}
 * takes one file as the request body (its name in {@code name=} or {@code Content-Disposition}; {@code mode},
 * {@code format}, {@code dry-run} as for {@code tissu load}) and answers 202 with the job; {@code GET
 * /admin/loads/{id}} is the job and its reports; {@code GET /admin/graphs} lists the sources with their provenance;
 * {@code DELETE /admin/graphs/{name}} removes one. 401 without a valid token, 403 outside its sources, 413 beyond the
 * upload limit, 415 for a type that is no data file; every attempt goes to the audit log.
 */
public final class AdminService implements HttpService, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("multipart/form-data", "text/csv", "text/plain",
            "application/octet-stream", "application/vnd.ms-excel", "text/turtle", "application/n-triples",
            "application/ld+json", "application/rdf+xml", "application/json", "application/n-quads",
            "application/trig");
    private final Instance tissu;
    private final AdminConfig config;
    private final AuditLog audit;
    private final Publisher publisher;
    private final AdminPage page;

    /** The admin API of {@code tissu}, with the tokens of its configuration. */
    public AdminService(Instance tissu) {
        this.tissu = tissu;
        this.config = tissu.config().admin();
        this.audit = new AuditLog(tissu.config().dataDir());
        this.publisher = new Publisher(tissu, audit);
        this.page = new AdminPage(this, tissu, config, audit, publisher);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/admin/loads", this::upload)
                .get("/admin/loads/{id}", this::job)
                .get("/admin/graphs", this::graphs)
                .delete("/admin/graphs/{name}", this::unload);
        page.routing(rules);
    }

    private void upload(ServerRequest req, ServerResponse res) {
        AdminConfig.Token token = authenticate(req, "load");
        if (req.headers().contentType().map(t -> t.mediaType().text().equals("multipart/form-data")).orElse(false)) {
            uploadForm(req, res, token);
            return;
        }
        String name = fileName(req);
        if (!token.mayPublish(name)) {
            audit.record(token.name(), "load", name, null, "403");
            throw new Problem(Status.FORBIDDEN_403, "the token '" + token.name() + "' may not publish " + name
                    + " (its sources: " + token.sources() + ")");
        }
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isPresent() && !TYPES.contains(type.get().mediaType().text().toLowerCase(Locale.ROOT))) {
            throw new Problem(Status.UNSUPPORTED_MEDIA_TYPE_415, "a data file is sent as text/csv, text/turtle, "
                    + "application/n-triples, application/ld+json, application/rdf+xml or application/octet-stream, "
                    + "not " + type.get().mediaType().text());
        }
        long max = config.maxUploadBytes();
        if (req.headers().contentLength().orElse(0) > max) {
            audit.record(token.name(), "load", name, null, "413");
            throw Uploads.tooLarge(max);
        }
        Loader.Options options = Uploads.options(p -> req.query().first(p).orElse(null), token.name());
        String id = Publisher.newId();
        Path file = publisher.uploadDirectory(id).resolve(name);
        String sha256 = Uploads.receive(req.content().inputStream(), file, max);
        if (sha256 == null) {
            audit.record(token.name(), "load", name, null, "413");
            throw Uploads.tooLarge(max);
        }
        Job job = publisher.load(id, token.name(), List.of(new Publisher.Upload(file, sha256)), options);
        res.status(Status.ACCEPTED_202).header(HeaderNames.LOCATION, "/admin/loads/" + id);
        json(res, job.json());
    }

    /** Several files in one job: a {@code multipart/form-data} body (fields mode, format, dry-run; file parts). */
    private void uploadForm(ServerRequest req, ServerResponse res, AdminConfig.Token token) {
        String id = Publisher.newId();
        MultipartForm.Received form = MultipartForm.receive(req, () -> publisher.uploadDirectory(id), token,
                config.maxUploadBytes(), audit, () -> publisher.discard(id));
        Map<String, String> f = form.fields();
        if (form.files().isEmpty()) {
            throw new Problem(Status.BAD_REQUEST_400, "the form has no file part (Content-Disposition: form-data; "
                    + "name=\"file\"; filename=\"…\")");
        }
        Loader.Options options = Uploads.options(p -> f.getOrDefault(p, req.query().first(p).orElse(null)),
                token.name());
        Job job = publisher.load(id, token.name(), form.files(), options);
        res.status(Status.ACCEPTED_202).header(HeaderNames.LOCATION, "/admin/loads/" + id);
        json(res, job.json());
    }

    private void job(ServerRequest req, ServerResponse res) {
        authenticate(req, "status");
        String id = req.path().pathParameters().get("id");
        Job job = publisher.job(id).orElseThrow(() -> Problem.notFound("no publication " + id + " is known here "
                + "(the last 200 are kept)"));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        json(res, job.json());
    }

    private void graphs(ServerRequest req, ServerResponse res) {
        authenticate(req, "list");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        json(res, Map.of("dataVersion", tissu.store().version(), "sources", sources()));
    }

    /** The sources loaded, with their provenance, in graph order. */
    List<Map<String, Object>> sources() {
        List<Map<String, Object>> sources = new ArrayList<>();
        String graphs = tissu.ids().graph("").getURI();
        tissu.store().select(Prefixes.SPARQL + """
                SELECT ?g ?source ?format ?generated ?accepted ?rejected ?publisher WHERE {
                  GRAPH ?g { ?g a tissu:SourceGraph ; dct:source ?source ; tissu:sourceFormat ?format ;
                                prov:generatedAtTime ?generated .
                             OPTIONAL { ?g tissu:rowsAccepted ?accepted } OPTIONAL { ?g tissu:rowsRejected ?rejected }
                             OPTIONAL { ?g prov:wasAttributedTo/rdfs:label ?publisher } }
                } ORDER BY ?g""", tissu.config().queryTimeout(), row -> {
                    String g = row.getResource("g").getURI();
                    Map<String, Object> m = new LinkedHashMap<>();
                    String name = g.startsWith(graphs) ? URLDecoder.decode(g.substring(graphs.length()),
                            StandardCharsets.UTF_8) : g;
                    m.put("name", name);
                    m.put("graph", g);
                    m.put("source", row.getLiteral("source").getString());
                    m.put("format", row.getLiteral("format").getString());
                    m.put("loaded", row.getLiteral("generated").getLexicalForm());
                    m.put("accepted", row.contains("accepted") ? row.getLiteral("accepted").getLong() : null);
                    m.put("rejected", row.contains("rejected") ? row.getLiteral("rejected").getLong() : null);
                    m.put("publishedBy", row.contains("publisher") ? row.getLiteral("publisher").getString() : null);
                    m.put("removable", Uploads.removable(name));
                    sources.add(m);
                });
        return sources;
    }

    private void unload(ServerRequest req, ServerResponse res) {
        AdminConfig.Token token = authenticate(req, "unload");
        String name = req.path().pathParameters().get("name");
        if (!Uploads.removable(name)) {
            audit.record(token.name(), "unload", name, null, "403");
            throw new Problem(Status.FORBIDDEN_403, "only sources loaded from files (name.csv, .ttl, .nt, .nq, .trig, "
                    + ".jsonld, .rdf) can be removed; '" + name + "' is kept by the service itself");
        }
        if (!token.mayPublish(name)) {
            audit.record(token.name(), "unload", name, null, "403");
            throw new Problem(Status.FORBIDDEN_403, "the token '" + token.name() + "' may not remove " + name);
        }
        if (!tissu.store().graphs().contains(tissu.ids().graph(name))) {
            throw Problem.notFound("no source named " + name + " is loaded (GET /admin/graphs lists them)");
        }
        Job job = publisher.unload(token.name(), name);
        res.status(Status.ACCEPTED_202).header(HeaderNames.LOCATION, "/admin/loads/" + job.id());
        json(res, job.json());
    }

    /** The token of the request, or a 401 (recorded in the audit log). */
    private AdminConfig.Token authenticate(ServerRequest req, String action) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        Optional<AdminConfig.Token> token = config.authenticate(header);
        if (token.isEmpty()) {
            audit.record(null, action, req.path().path(), null, "401");
            throw new Problem(Status.UNAUTHORIZED_401, config.tokens().isEmpty()
                    ? "publishing over HTTP is off: no token is configured (tissu.admin.tokens; 'tissu token NAME' "
                    + "makes one)"
                    : header == null ? "this needs a publishing token: Authorization: Bearer <token>"
                    : "the token is not one of this service's publishing tokens")
                    .header("WWW-Authenticate", "Bearer realm=\"tissu admin\"");
        }
        return token.get();
    }

    /** The file name the upload declares, without any path, or a 400. */
    private static String fileName(ServerRequest req) {
        String name = req.query().first("name").orElseGet(() -> req.headers().first(HeaderNames.CONTENT_DISPOSITION)
                .map(AdminService::dispositionName).orElse(null));
        if (name == null || name.isBlank()) {
            throw new Problem(Status.BAD_REQUEST_400, "say the file's name: name=rna_waldec_35.csv, or "
                    + "Content-Disposition: attachment; filename=\"rna_waldec_35.csv\"");
        }
        return Uploads.sourceName(name);
    }

    private static String dispositionName(String disposition) {
        var m = Pattern.compile("filename=\"?([^\";]+)\"?").matcher(disposition);
        return m.find() ? m.group(1) : null;
    }

    private static void json(ServerResponse res, Object body) {
        try {
            res.header(HeaderNames.CONTENT_TYPE, "application/json").send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}
