package fr.tissu.api.finder;

import static fr.tissu.api.html.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.store.read.Activity;

/**
 * The widget's page, made to be framed by the commune's own site: a heading, the number of activities, the first
 * cards of a finder search (their links open Tissu in a new tab) and a link to all of them in the finder. Its own
 * small style, no script, transparent background; the accent colour and the heading can be set by the framing site.
 */
final class WidgetPage {
    /** Cards shown unless {@code limit} says otherwise, and at most. */
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 20;
    private static final int MAX_TITLE = 80;
    private static final Pattern COLOUR = Pattern.compile("#?[0-9a-fA-F]{6}");
    private static final String LINKS = " target=\"_blank\" rel=\"noopener\"";

    private final String lang;
    private final boolean en;

    WidgetPage(String lang) {
        this.lang = lang;
        this.en = "en".equals(lang);
    }

    /** The accent colour asked ({@code accent}: six hexadecimal digits, with or without '#'), default the site's. */
    static String accent(String value) {
        if (value == null || value.isBlank()) {
            return "#1d4ed8";
        }
        if (!COLOUR.matcher(value.strip()).matches()) {
            throw new BadParameterException("accent", "expected a colour as six hexadecimal digits, like 005a9c");
        }
        return "#" + value.strip().replace("#", "").toLowerCase(Locale.ROOT);
    }

    private String t(String fr, String english) {
        return en ? english : fr;
    }

    String render(FinderService.Search s, String accent, String title) {
        FinderService.Form form = s.form();
        String heading = title != null && !title.isBlank() ? title.strip()
                : t("Activités", "Activities") + (form.commune() == null ? ""
                : t(" à ", " in ") + form.commune().name()) + (form.week() ? t(" cette semaine", " this week") : "");
        if (heading.length() > MAX_TITLE) {
            heading = heading.substring(0, MAX_TITLE);
        }
        StringBuilder b = new StringBuilder(8_192);
        b.append("<h1>").append(esc(heading)).append("</h1>\n<p class=\"count\">")
                .append(s.total() == 0 ? t("Aucune activité à venir.", "No upcoming activity.")
                        : s.total() + (s.total() == 1 ? t(" activité", " activity") : t(" activités", " activities")))
                .append("</p>\n");
        if (!s.shown().isEmpty()) {
            FinderPage cards = new FinderPage(lang, null);
            b.append("<ol class=\"cards\">\n");
            for (Activity a : s.shown()) {
                cards.card(b, a, s, LINKS);
            }
            b.append("</ol>\n");
        }
        String all = FinderPage.link(form.values(), Map.of("page", List.of()));
        b.append("<p class=\"all\"><a href=\"").append(esc(all)).append('"').append(LINKS).append('>')
                .append(s.total() > s.shown().size() ? t("Voir les " + s.total() + " activités sur Tissu",
                        "See the " + s.total() + " activities on Tissu") : t("Chercher sur Tissu", "Search on Tissu"))
                .append("</a></p>\n");
        return page(heading, b.toString(), accent);
    }

    String renderError(BadParameterException e) {
        return page(t("Activités", "Activities"), "<p role=\"alert\">" + esc(t("Ce module est mal réglé : ",
                "This widget is not set up right: ") + e.getMessage()) + "</p>\n", accent(null));
    }

    private String page(String title, String body, String accent) {
        return "<!DOCTYPE html>\n<html lang=\"" + (en ? "en" : "fr") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<link rel=\"icon\" href=\"data:,\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title)
                + " — Tissu</title>\n<style>" + style(accent) + "</style>\n</head>\n<body>\n<main>\n" + body
                + "<p class=\"by\">" + t("Données ouvertes publiées par Tissu", "Open data published by Tissu")
                + "</p>\n</main>\n</body>\n</html>\n";
    }

    private static String style(String accent) {
        return "body{margin:0;font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;"
                + "background:transparent}main{padding:.5rem;border-top:4px solid " + accent + "}"
                + "h1{font-size:1.2rem;margin:.25rem 0}a{color:" + accent + "}a:focus{outline:3px solid #b45309;"
                + "outline-offset:1px}.count,.meta,.by{color:#4a4a4a}ol.cards{list-style:none;margin:0;padding:0}"
                + "ol.cards>li{border-top:1px solid #ccd;padding:.5rem 0}ol.cards h3{font-size:1.05rem;"
                + "margin:0 0 .2rem}ol.cards p{margin:.1rem 0}.by{font-size:.85rem;margin-top:.5rem}";
    }
}
