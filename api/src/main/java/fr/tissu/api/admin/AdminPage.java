package fr.tissu.api.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.tissu.api.core.AdminConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.html.Html;
import fr.tissu.api.html.ThingPage;
import fr.tissu.api.http.Bodies;
import fr.tissu.api.http.Problem;
import fr.tissu.loader.Loader;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The staff page, {@code /admin}, in French and English and without script: sign in with a publishing token (a
 * session cookie, {@code HttpOnly}, {@code SameSite=Strict}, and a form token against cross-site posts), upload a
 * file, read its report with line numbers, see the sources with their provenance, remove one. It publishes through
 * the same queue as the admin API.
 */
final class AdminPage {
    private static final String COOKIE = "tissu-admin";
    private static final Duration SESSION = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AdminService api;
    private final Instance tissu;
    private final AdminConfig config;
    private final AuditLog audit;
    private final Publisher publisher;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A signed-in member of staff: the token's entry (never the token itself), the form token, the end. */
    private record Session(AdminConfig.Token token, String csrf, Instant expires) {
    }

    AdminPage(AdminService api, Instance tissu, AdminConfig config, AuditLog audit, Publisher publisher) {
        this.api = api;
        this.tissu = tissu;
        this.config = config;
        this.audit = audit;
        this.publisher = publisher;
    }

    void routing(HttpRules rules) {
        rules.get("/admin", this::home)
                .post("/admin/sign-in", this::signIn)
                .post("/admin/sign-out", this::signOut)
                .post("/admin/upload", this::upload)
                .post("/admin/remove", this::remove)
                .get("/admin/jobs/{id}", this::jobPage);
    }

    private void home(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        Optional<Session> session = session(req);
        if (session.isEmpty()) {
            send(res, Status.OK_200, lang, AdminViews.signIn(lang, null));
            return;
        }
        send(res, Status.OK_200, lang, AdminViews.dashboard(lang, session.get().token(), session.get().csrf(),
                api.sources()));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        Map<String, String> form = form(req);
        Optional<AdminConfig.Token> token = config.authenticate("Bearer " + form.getOrDefault("token", ""));
        if (token.isEmpty()) {
            audit.record(null, "sign-in", "/admin", null, "401");
            send(res, Status.UNAUTHORIZED_401, lang, AdminViews.signIn(lang, config.tokens().isEmpty()
                    ? t(lang, "Aucun jeton n'est configuré : la publication en ligne est désactivée.",
                    "No token is configured: publishing online is off.")
                    : t(lang, "Ce jeton n'est pas reconnu.", "This token is not recognised.")));
            return;
        }
        String id = random();
        sessions.put(id, new Session(token.get(), random(), Instant.now().plus(SESSION)));
        audit.record(token.get().name(), "sign-in", "/admin", null, "ok");
        boolean https = tissu.config().publicUrl().startsWith("https:");
        res.header("Set-Cookie", COOKIE + "=" + id + "; Path=/admin; HttpOnly; SameSite=Strict; Max-Age="
                + SESSION.toSeconds() + (https ? "; Secure" : ""));
        redirect(res, "/admin" + query(lang));
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        Session s = required(req, form(req).get("csrf"));
        cookie(req).ifPresent(sessions::remove);
        audit.record(s.token().name(), "sign-out", "/admin", null, "ok");
        res.header("Set-Cookie", COOKIE + "=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0");
        redirect(res, "/admin" + query(lang));
    }

    private void upload(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        Session s = session(req).orElseThrow(() -> new Problem(Status.UNAUTHORIZED_401,
                "sign in on /admin first"));
        String id = Publisher.newId();
        MultipartForm.Received form = MultipartForm.receive(req, () -> publisher.uploadDirectory(id), s.token(),
                config.maxUploadBytes(), audit, () -> publisher.discard(id));
        Map<String, String> fields = form.fields();
        if (!s.csrf().equals(fields.get("csrf"))) {
            publisher.discard(id);
            throw new Problem(Status.FORBIDDEN_403, "the form is not one this page gave (reload /admin)");
        }
        if (form.files().isEmpty()) {
            throw new Problem(Status.BAD_REQUEST_400, t(lang, "Choisissez un fichier.", "Choose a file."));
        }
        Loader.Options options = Uploads.options(p -> p.equals("format") ? null : fields.get(p), s.token().name());
        publisher.load(id, s.token().name(), form.files(), options);
        redirect(res, "/admin/jobs/" + id + query(lang));
    }

    private void remove(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        Map<String, String> form = form(req);
        Session s = required(req, form.get("csrf"));
        String name = form.getOrDefault("name", "");
        if (!Uploads.removable(name) || !s.token().mayPublish(name)) {
            audit.record(s.token().name(), "unload", name, null, "403");
            throw new Problem(Status.FORBIDDEN_403, "the token '" + s.token().name() + "' may not remove " + name);
        }
        if (!tissu.store().graphs().contains(tissu.ids().graph(name))) {
            throw Problem.notFound("no source named " + name + " is loaded");
        }
        Job job = publisher.unload(s.token().name(), name);
        redirect(res, "/admin/jobs/" + job.id() + query(lang));
    }

    private void jobPage(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        if (session(req).isEmpty()) {
            redirect(res, "/admin" + query(lang));
            return;
        }
        String id = req.path().pathParameters().get("id");
        Job job = publisher.job(id).orElseThrow(() -> Problem.notFound("no publication " + id + " is known here"));
        Map<String, Object> j = job.json();
        boolean running = job.status() == Job.Status.QUEUED || job.status() == Job.Status.RUNNING
                || !Boolean.TRUE.equals(j.get("dumpsWritten")) && job.status() == Job.Status.DONE;
        String body = AdminViews.job(lang, job, j, running);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        String head = running ? "<meta http-equiv=\"refresh\" content=\"2\">\n" : "";
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(Html.page(lang,
                t(lang, "Publication", "Publication"), body, other(lang, "/admin/jobs/" + id), List.of(),
                null, head));
    }

    private Optional<Session> session(ServerRequest req) {
        return cookie(req).map(sessions::get).filter(s -> s.expires().isAfter(Instant.now()));
    }

    /** The session of a posted form whose form token is {@code csrf}, or a 403. */
    private Session required(ServerRequest req, String csrf) {
        Session s = session(req).orElseThrow(() -> new Problem(Status.UNAUTHORIZED_401, "sign in on /admin first"));
        if (!s.csrf().equals(csrf)) {
            throw new Problem(Status.FORBIDDEN_403, "the form is not one this page gave (reload /admin)");
        }
        return s;
    }

    private static Optional<String> cookie(ServerRequest req) {
        for (String header : req.headers().all(HeaderNames.COOKIE, List::of)) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return Optional.of(p.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> form(ServerRequest req) {
        Map<String, String> form = new HashMap<>();
        String body = Bodies.text(req);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String t(String lang, String fr, String en) {
        return AdminViews.t(lang, fr, en);
    }

    private static String query(String lang) {
        return AdminViews.query(lang);
    }

    private static String other(String lang, String path) {
        return path + ("en".equals(lang) ? "" : "?lang=en");
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }

    private static void send(ServerResponse res, Status status, String lang, String body) {
        res.status(status).header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .send(Html.page(lang, t(lang, "Publier des données", "Publish data"), body,
                        other(lang, "/admin"), List.of(), null));
    }
}
