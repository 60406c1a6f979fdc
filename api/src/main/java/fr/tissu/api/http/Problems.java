package fr.tissu.api.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.html.Html;
import fr.tissu.api.html.ThingPage;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Errors, one way for every protocol: RFC 9457 problem details ({@code application/problem+json}), or an HTML page
 * (French or English, with a way back) for a browser that prefers HTML; headers only for HEAD. One log line per
 * failure, with a request id that the answer carries too.
 */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    /** Sends a problem. */
    public static void send(ServerRequest req, ServerResponse res, Status status, String detail) {
        send(req, res, status, detail, Map.of());
    }

    /** Sends a problem with extension members. */
    public static void send(ServerRequest req, ServerResponse res, Status status, String detail,
                            Map<String, Object> extensions) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(status.code() >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "request " + id + " " + req.prologue().method().text() + " " + req.path().rawPath() + " -> "
                        + status.code() + ": " + detail);
        byte[] body;
        if (Negotiation.prefersHtml(req)) {
            res.status(status).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
            body = page(req, status, detail, id).getBytes(StandardCharsets.UTF_8);
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", status.reasonPhrase());
            problem.put("status", status.code());
            problem.put("detail", detail);
            problem.put("instance", req.path().rawPath());
            problem.put("requestId", id);
            problem.putAll(extensions);
            try {
                body = JSON.writeValueAsBytes(problem);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/problem+json");
        }
        if (req.prologue().method() == Method.HEAD) {
            HeadForGet.sendHeadersOnly(res, body.length);
        } else {
            res.send(body);
        }
    }

    /** The error page: what happened in words, the detail, and where to go from here. */
    private static String page(ServerRequest req, Status status, String detail, String id) {
        String lang = ThingPage.language(req);
        boolean en = lang.equals("en");
        String title = switch (status.code()) {
            case 400 -> en ? "This request cannot be answered" : "Cette demande ne peut pas aboutir";
            case 404 -> en ? "Page not found" : "Page introuvable";
            case 405 -> en ? "Method not allowed" : "Méthode non acceptée";
            case 406 -> en ? "Format not available" : "Format non disponible";
            case 429, 503 -> en ? "The service is busy" : "Le service est très sollicité";
            default -> status.code() >= 500 ? (en ? "Something went wrong on our side"
                    : "Une erreur est survenue de notre côté")
                    : (en ? "This request cannot be answered" : "Cette demande ne peut pas aboutir");
        };
        String advice = status.code() == 404
                ? (en ? "The address may be mistyped, or the thing it named has been removed."
                        : "L'adresse est peut-être mal saisie, ou ce qu'elle désignait a été retiré.")
                : status.code() == 429 || status.code() == 503
                ? (en ? "Please try again in a few seconds." : "Merci de réessayer dans quelques secondes.")
                : status.code() >= 500 ? (en ? "Please try again later." : "Merci de réessayer plus tard.")
                : (en ? "Check the address and its parameters." : "Vérifiez l'adresse et ses paramètres.");
        String home = en ? "/?lang=en" : "/";
        String body = "<h1>" + Html.esc(title) + "</h1>\n<p>" + Html.esc(advice) + "</p>\n<p><strong>"
                + (en ? "Detail" : "Détail") + " (" + status.code() + ")</strong> : <span lang=\"en\">"
                + Html.esc(detail)
                + "</span></p>\n"
                + "<ul>\n<li><a href=\"" + home + "\">" + (en ? "Back to the home page" : "Retour à l'accueil")
                + "</a></li>\n<li><a href=\"/sparql" + (en ? "?lang=en" : "") + "\">"
                + (en ? "Query the data (SPARQL)" : "Interroger les données (SPARQL)") + "</a></li>\n"
                + "<li><a href=\"/openapi/ui\">" + (en ? "The API's documentation" : "La documentation de l'API")
                + "</a></li>\n</ul>\n<p class=\"kind\">" + (en ? "Request id: " : "Identifiant de la demande : ")
                + Html.esc(id) + "</p>";
        String path = req.path().rawPath();
        return Html.page(lang, title, body, path + "?lang=" + (en ? "fr" : "en"), List.of(), null);
    }
}
