package fr.tissu.api.html;

import java.util.List;

/**
 * The page shell every HTML page shares: language, skip link, header, main landmark, footer with the licence and
 * the other representations. Plain CSS, no script, readable with any screen size and at 200 % zoom.
 */
public final class Html {
    private static final String CSS = """
            :root{--ink:#1b1b1b;--muted:#4a4a4a;--link:#0b4fa8;--bg:#fff;--band:#f2f4f7;--focus:#ffbf47}
            *{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
            color:var(--ink);background:var(--bg)}
            a{color:var(--link)}a:focus,summary:focus{outline:3px solid var(--focus);outline-offset:2px}
            .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--focus);padding:.5rem;\
            color:#000}
            header,footer{background:var(--band);padding:.75rem 1rem}header nav{display:flex;gap:1rem;flex-wrap:wrap;\
            align-items:baseline}
            header .brand{font-weight:700;text-decoration:none;color:var(--ink)}main{max-width:60rem;margin:0 auto;\
            padding:1rem}
            h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0}.kind{color:var(--muted);margin:0}
            dl{display:grid;grid-template-columns:minmax(9rem,14rem) 1fr;gap:.25rem 1rem}dt{font-weight:600;\
            color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
            dd ul{margin:0;padding-left:1.1rem}section{margin-top:1.5rem}h2{font-size:1.25rem;\
            border-bottom:1px solid #ccd;padding-bottom:.25rem}
            table{border-collapse:collapse}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #dde}
            form.pick{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}select,\
            button{font:inherit;padding:.2rem .4rem}
            figure{margin:1rem 0}figcaption{color:var(--muted);font-size:.9rem}caption{text-align:left;\
            font-weight:600;padding:.25rem 0}
            footer{margin-top:2rem;font-size:.9rem;color:var(--muted)}code,main p{overflow-wrap:anywhere}\
            select{max-width:100%}.scroll{overflow-x:auto;max-width:100%}.chart{max-width:40rem}\
            input.token{width:100%;max-width:32em}
            @media (max-width:40rem){dl{grid-template-columns:1fr}dt{margin-top:.5rem}}
            """;

    private Html() {
    }

    /** A link to another representation of the page. */
    public record Alternate(String href, String type, String label) {
    }

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** A whole page. {@code body} is already-escaped HTML; {@code license} the data's licence, or {@code null}. */
    public static String page(String lang, String title, String body, String otherLanguageHref,
                              List<Alternate> alternates, String license) {
        return page(lang, title, body, otherLanguageHref, alternates, license, "");
    }

    /** A whole page with {@code head} (already-escaped HTML: a page's own style) added to its head. */
    public static String page(String lang, String title, String body, String otherLanguageHref,
                              List<Alternate> alternates, String license, String head) {
        boolean en = "en".equals(lang);
        StringBuilder s = new StringBuilder(4096 + body.length());
        s.append("<!DOCTYPE html>\n<html lang=\"").append(en ? "en" : "fr")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append(" — Tissu</title>\n");
        for (Alternate a : alternates) {
            s.append("<link rel=\"alternate\" type=\"").append(esc(a.type())).append("\" href=\"")
                    .append(esc(a.href())).append("\">\n");
        }
        String q = en ? "?lang=en" : "";
        s.append("<style>").append(CSS).append("</style>\n").append(head).append("</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">").append(en ? "Skip to content" : "Aller au contenu")
                .append("</a>\n<header><nav aria-label=\"Site\"><a class=\"brand\" href=\"/").append(q)
                .append("\">Tissu</a><a href=\"/trouver").append(q).append("\">")
                .append(en ? "Find an activity" : "Trouver une activité").append("</a><a href=\"/catalog").append(q)
                .append("\">")
                .append(en ? "Data catalogue" : "Catalogue des données").append("</a><a href=\"/sparql").append(q)
                .append("\">SPARQL</a><a href=\"/graphql").append(q).append("\">GraphQL</a><a href=\"/openapi/ui\">")
                .append(en ? "REST API" : "API REST").append("</a><a href=\"/vocabulary").append(q).append("\">")
                .append(en ? "Vocabulary" : "Vocabulaire").append("</a>");
        if (otherLanguageHref != null) {
            s.append("<a href=\"").append(esc(otherLanguageHref)).append("\" hreflang=\"").append(en ? "fr" : "en")
                    .append("\" lang=\"").append(en ? "fr" : "en").append("\">").append(en ? "Français" : "English")
                    .append("</a>");
        }
        s.append("</nav></header>\n<main id=\"main\">\n").append(body).append("\n</main>\n");
        if (alternates.isEmpty() && license == null) {
            return s.append("</body>\n</html>\n").toString();
        }
        s.append("<footer>\n");
        if (!alternates.isEmpty()) {
            s.append("<p>").append(en ? "Also as data: " : "Aussi en données : ");
            for (int i = 0; i < alternates.size(); i++) {
                Alternate a = alternates.get(i);
                s.append(i == 0 ? "" : ", ").append("<a href=\"").append(esc(a.href())).append("\" type=\"")
                        .append(esc(a.type())).append("\">").append(esc(a.label())).append("</a>");
            }
            s.append("</p>\n");
        }
        if (license != null) {
            s.append("<p>").append(en ? "Open data under " : "Données ouvertes sous ").append(licenseLink(license, en))
                    .append(". ").append(en ? "Sample data is fictitious." : "Les données d'exemple sont fictives.")
                    .append("</p>\n");
        }
        s.append("</footer>\n</body>\n</html>\n");
        return s.toString();
    }

    /** A link to the data's licence, named ("Licence Ouverte 2.0" for Etalab's) rather than shown as its URL. */
    public static String licenseLink(String license, boolean en) {
        return "<a href=\"" + esc(license) + "\" rel=\"license\">" + (license.contains("etalab")
                ? (en ? "Open Licence 2.0" : "Licence Ouverte 2.0") : esc(license)) + "</a>";
    }
}
