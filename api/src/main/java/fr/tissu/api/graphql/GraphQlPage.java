package fr.tissu.api.graphql;

import java.util.List;

import fr.tissu.api.html.Html;

/**
 * The GraphQL query page for people, in the site's shell (skip link, navigation, footer) and in French or English:
 * a query editor, variables, the result, and a schema browser built from introspection by {@code page.js}.
 */
final class GraphQlPage {
    private static final String STYLE = """
            <style>
              .grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}\
            @media (max-width:50rem){.grid{grid-template-columns:minmax(0,1fr)}}
              textarea,pre{width:100%;font:14px/1.4 ui-monospace,monospace;border:1px solid #666;border-radius:4px;\
            padding:.5rem}
              textarea#query{min-height:18rem}pre{min-height:18rem;max-height:36rem;background:#f6f6f6;overflow:auto;\
            margin:0}
              .run{padding:.4rem 1rem;background:#000091;color:#fff;border:0;border-radius:4px;cursor:pointer}
              textarea:focus,input:focus,button:focus,pre:focus{outline:3px solid var(--focus);outline-offset:2px}
              details{border-top:1px solid #ddd;padding:.25rem 0}summary{cursor:pointer;font-weight:600}
              .field{margin-left:1rem}.desc{color:var(--muted)}label{display:block;font-weight:600;margin-top:.5rem}
            </style>
            """;
    private static final String EXAMPLE = """
            {
              commune(code: "35238") {
                name
                epci { name }
                activities(filter: { age: 8, days: ["wed"] }, first: 5) {
                  totalCount
                  nodes { title schedule { startTime endTime } organizer { name } place { name } }
                }
              }
            }""";

    private GraphQlPage() {
    }

    static String render(String lang, String license) {
        boolean en = "en".equals(lang);
        String body = "<h1>GraphQL</h1>\n<p>" + (en
                ? "Ask for exactly the fields you need. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs the query. The schema "
                        + "is also <a href=\"/graphql/schema.graphqls\">available as SDL</a>."
                : "Demandez exactement les champs dont vous avez besoin. <kbd>Ctrl</kbd>+<kbd>Entrée</kbd> exécute la "
                        + "requête. Le schéma est aussi <a href=\"/graphql/schema.graphqls\">disponible en SDL</a>.")
                + "</p>\n<div class=\"grid\">\n<section aria-labelledby=\"q-title\">\n<h2 id=\"q-title\">"
                + (en ? "Query" : "Requête") + "</h2>\n<label for=\"query\">"
                + (en ? "GraphQL query" : "Requête GraphQL")
                + "</label>\n<textarea id=\"query\" spellcheck=\"false\">" + Html.esc(EXAMPLE) + "</textarea>\n"
                + "<p><button id=\"run\" class=\"run\" type=\"button\">" + (en ? "Run" : "Exécuter") + "</button></p>\n"
                + "<label for=\"variables\">" + (en ? "Variables (JSON)" : "Variables (JSON)") + "</label>\n"
                + "<textarea id=\"variables\" spellcheck=\"false\" rows=\"3\">{}</textarea>\n</section>\n"
                + "<section aria-labelledby=\"r-title\">\n<h2 id=\"r-title\">" + (en ? "Result" : "Résultat")
                + "</h2>\n"
                + "<pre id=\"result\" tabindex=\"0\" aria-live=\"polite\"></pre>\n"
                + "</section>\n</div>\n<section aria-labelledby=\"s-title\">\n<h2 id=\"s-title\">"
                + (en ? "Schema" : "Schéma") + "</h2>\n<label for=\"filter\">"
                + (en ? "Find a type or field" : "Chercher un type ou un champ") + "</label>\n"
                + "<input id=\"filter\" type=\"search\">\n<div id=\"schema\"></div>\n</section>\n"
                + "<noscript><p>" + (en ? "This page runs queries with JavaScript; without it, send them to "
                        + "<code>/graphql</code> with GET <code>?query=</code> or POST."
                        : "Cette page exécute les requêtes avec JavaScript ; sans lui, envoyez-les à "
                        + "<code>/graphql</code> en GET <code>?query=</code> ou en POST.") + "</p></noscript>\n"
                + "<script src=\"/graphql/page.js\"></script>";
        return Html.page(lang, en ? "GraphQL query page" : "Page de requêtes GraphQL", body,
                "/graphql?lang=" + (en ? "fr" : "en"), List.of(new Html.Alternate("/graphql/schema.graphqls",
                        "text/plain", en ? "Schema (SDL)" : "Schéma (SDL)")), license, STYLE);
    }
}
