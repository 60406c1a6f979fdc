package fr.tissu.api.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.Instance;
import fr.tissu.api.html.Html;
import fr.tissu.api.html.ThingPage;
import fr.tissu.api.http.Problem;
import fr.tissu.vocabulary.Prefixes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The query page: an editor with highlighting and pre-declared prefixes, the searchable example gallery, results
 * as a table or chart, downloads and permalinks. Plain HTML, CSS and a small script served from this site only.
 */
final class SparqlPage {
    private static final Map<String, String> ASSETS = Map.of("page.js", "text/javascript; charset=utf-8",
            "page.css", "text/css; charset=utf-8");
    private final Instance tissu;
    private final byte[] examplesJson;

    SparqlPage(Instance tissu) {
        this.tissu = tissu;
        try {
            List<Map<String, Object>> list = Examples.all().stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("title", e.title());
                m.put("description", e.description());
                m.put("keywords", e.keywords());
                m.put("query", e.query());
                return m;
            }).toList();
            this.examplesJson = new ObjectMapper().writeValueAsBytes(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void examples(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json").send(examplesJson);
    }

    void asset(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw new Problem(Status.NOT_FOUND_404, "no such asset: " + file);
        }
        try (InputStream in = SparqlPage.class.getResourceAsStream("assets/" + file)) {
            res.header(HeaderNames.CONTENT_TYPE, type).header(HeaderNames.CACHE_CONTROL, "max-age=3600")
                    .send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void page(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        boolean en = "en".equals(lang);
        StringBuilder prefixes = new StringBuilder();
        Prefixes.MAP.getNsPrefixMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> prefixes.append("PREFIX ").append(e.getKey()).append(": <").append(e.getValue())
                        .append(">\n"));
        String body = """
                <link rel="stylesheet" href="/sparql/assets/page.css">
                <h1>%s</h1>
                <p>%s</p>
                <div class="sparql" data-lang="%s" data-prefixes="%s">
                <section aria-labelledby="gallery-h" class="gallery"><h2 id="gallery-h">%s</h2>
                <label for="example-search">%s</label>
                <input id="example-search" type="search" autocomplete="off">
                <ul id="examples" aria-live="polite"></ul></section>
                <section aria-labelledby="editor-h" class="editor"><h2 id="editor-h">%s</h2>
                <div class="code"><pre aria-hidden="true" id="highlight"></pre>
                <textarea id="query" spellcheck="false" aria-labelledby="editor-h" aria-describedby="editor-help"\s\
                rows="14">%s</textarea></div>
                <p id="editor-help" class="help">%s</p>
                <p class="actions"><button id="run" type="button">%s</button>
                <a id="permalink" href="/sparql">%s</a>
                <a id="download-csv" href="/sparql">%s CSV</a> <a id="download-json" href="/sparql">%s JSON</a></p>
                </section>
                <section aria-labelledby="results-h"><h2 id="results-h">%s</h2>
                <p id="status" role="status" aria-live="polite"></p>
                <div id="chart"></div><div id="results" class="results" tabindex="0" role="region" aria-label="%s">\
                </div></section>
                </div>
                <noscript><p>%s</p></noscript>
                <script src="/sparql/assets/page.js" defer></script>
                """.formatted(
                en ? "SPARQL query service" : "Interroger les données en SPARQL",
                en ? "Ask the data any question in SPARQL 1.1. The endpoint is read-only; each query stops after "
                        + "a time limit and returns a bounded number of rows. Pick an example to start."
                        : "Posez vos propres questions aux données en SPARQL 1.1. Le service est en lecture seule ; "
                        + "chaque requête s'arrête après un temps limite et renvoie un nombre de lignes borné. "
                        + "Partez d'un exemple.",
                lang, Html.esc(prefixes.toString()),
                en ? "Examples" : "Exemples", en ? "Search the examples" : "Chercher un exemple",
                en ? "Query" : "Requête", Html.esc(defaultQuery(req)),
                en ? "The prefixes tissu:, schema:, dct:, skos:… are declared for you. Ctrl+Enter runs the query."
                        : "Les préfixes tissu:, schema:, dct:, skos:… sont déclarés pour vous. Ctrl+Entrée lance la "
                        + "requête.",
                en ? "Run" : "Exécuter", en ? "Permalink" : "Lien permanent", en ? "Download" : "Télécharger",
                en ? "Download" : "Télécharger", en ? "Results" : "Résultats",
                en ? "Result table" : "Tableau des résultats",
                en ? "Without JavaScript, send queries to /sparql?query=… from any SPARQL client."
                        : "Sans JavaScript, envoyez vos requêtes à /sparql?query=… depuis tout client SPARQL.");
        String html = Html.page(lang, en ? "SPARQL" : "SPARQL", body, "/sparql?lang=" + (en ? "fr" : "en"),
                List.of(new Html.Alternate("/sparql?format=ttl", "text/turtle", "service description")),
                tissu.config().dataLicense());
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String defaultQuery(ServerRequest req) {
        return req.query().first("query").orElse("""
                SELECT ?theme ?label (COUNT(?association) AS ?associations) WHERE {
                  ?association a schema:NGO ; dct:subject ?theme .
                  ?theme skos:prefLabel ?label FILTER(LANG(?label) = "fr")
                }
                GROUP BY ?theme ?label
                ORDER BY DESC(?associations)
                """);
    }
}
