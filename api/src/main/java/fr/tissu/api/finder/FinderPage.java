package fr.tissu.api.finder;

import static fr.tissu.api.html.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.Themes;
import fr.tissu.api.html.ActivityWords;
import fr.tissu.api.html.Html;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Bindings;
import fr.tissu.store.read.ReferenceData;

/** The finder's page: the form, the result cards, the paging, in French or English. */
final class FinderPage {
    private static final String STYLE = """
            <style>
            form.finder{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.5rem 1rem;\
            background:var(--band);padding:1rem;border-radius:.5rem}
            form.finder p{margin:0}form.finder label{display:block;font-weight:600}\
            form.finder fieldset{border:1px solid #ccd;margin:0;padding:.25rem .75rem .5rem}
            form.finder .opt{display:inline-flex;align-items:baseline;gap:.3rem;margin:0 .9rem .2rem 0}\
            form.finder .opt label{display:inline;font-weight:400}\
            form.finder legend{font-weight:600}
            form.finder input[type=search],form.finder input[type=text],form.finder input[type=number],\
            form.finder select{font:inherit;width:100%;padding:.3rem .4rem}
            form.finder input:focus,form.finder select:focus,form.finder button:focus{outline:3px solid var(--focus);\
            outline-offset:1px}
            form.finder .go{align-self:end}form.finder button{font:inherit;padding:.4rem 1.2rem;font-weight:600}
            .wide{grid-column:1/-1}ol.cards{list-style:none;padding:0}ol.cards>li{border:1px solid #ccd;\
            border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
            ol.cards h3{margin:0 0 .25rem;font-size:1.15rem}ol.cards p{margin:.15rem 0}.meta{color:var(--muted)}
            .error{border:2px solid #b00020;padding:.5rem 1rem;border-radius:.5rem}nav.pages{display:flex;gap:1rem;\
            flex-wrap:wrap;margin:1rem 0}
            </style>
            """;
    private static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());
    private static final List<String> DAY_CODES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final String lang;
    private final boolean en;
    private final Locale locale;
    private final String license;
    private final ActivityWords words;

    FinderPage(String lang, String license) {
        this.lang = lang;
        this.en = "en".equals(lang);
        this.words = new ActivityWords(lang);
        this.locale = words.locale();
        this.license = license;
    }

    private String t(String fr, String english) {
        return en ? english : fr;
    }

    /** The page for a search. */
    String render(FinderService.Search s) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<h1>").append(t("Trouver une activité", "Find an activity")).append("</h1>\n");
        form(b, s.form(), s);
        b.append("<section aria-labelledby=\"results\">\n<h2 id=\"results\">");
        if (s.total() == 0) {
            b.append(t("Aucune activité trouvée", "No activity found"));
        } else {
            b.append(s.total()).append(' ').append(s.total() == 1 ? t("activité", "activity")
                    : t("activités", "activities"));
            if (s.pages() > 1) {
                int first = (s.page() - 1) * FinderService.PER_PAGE + 1;
                b.append(t(" — page ", " — page ")).append(s.page()).append(t(" sur ", " of ")).append(s.pages())
                        .append(" <span class=\"meta\">(").append(first).append("–")
                        .append(first + s.shown().size() - 1).append(")</span>");
            }
        }
        b.append("</h2>\n");
        where(b, s.form());
        if (s.total() == 0) {
            noResult(b, s);
        } else {
            b.append("<ol class=\"cards\">\n");
            for (Activity a : s.shown()) {
                card(b, a, s);
            }
            b.append("</ol>\n");
            paging(b, s);
        }
        b.append("</section>\n");
        return Html.page(lang, t("Trouver une activité", "Find an activity"), b.toString(),
                link(s.form().values(), Map.of("lang", List.of(en ? "fr" : "en"), "page", List.of())), List.of(),
                license, STYLE);
    }

    /** The page for a form that cannot be read: what is wrong, and the form again. */
    String renderError(Map<String, List<String>> raw, BadParameterException e) {
        StringBuilder b = new StringBuilder(8_192);
        b.append("<h1>").append(t("Trouver une activité", "Find an activity")).append("</h1>\n");
        b.append("<div class=\"error\" role=\"alert\"><p><strong>")
                .append(t("Cette recherche ne peut pas être faite : ", "This search cannot be run: "))
                .append("</strong>").append(esc(explain(e))).append("</p></div>\n");
        Map<String, List<String>> kept = new HashMap<>();
        raw.forEach((k, v) -> {
            if (FinderService.FIELDS.contains(k) && !k.equals(e.parameter())) {
                kept.put(k, v);
            }
        });
        form(b, new FinderService.Form(kept, null, List.of()), null);
        return Html.page(lang, t("Trouver une activité", "Find an activity"), b.toString(), null, List.of(),
                license, STYLE);
    }

    private String explain(BadParameterException e) {
        return switch (e.parameter()) {
            case "where" -> t("aucune commune ne porte ce nom ou ce code postal (« ", "no commune has this name or "
                    + "postcode (\"") + e.getMessage().replaceAll(".*'(.*)'.*", "$1") + t(" »).", "\").");
            case "age" -> t("l'âge doit être un nombre entier de 0 à 120.", "the age must be a whole number from 0 "
                    + "to 120.");
            case "max-price" -> t("le prix maximum doit être un nombre d'euros.", "the maximum price must be a "
                    + "number of euros.");
            default -> e.getMessage();
        };
    }

    // ---------------------------------------------------------------- the form

    private void form(StringBuilder b, FinderService.Form f, FinderService.Search s) {
        b.append("<form class=\"finder\" method=\"get\" action=\"").append(FinderService.PATH)
                .append("\" role=\"search\" aria-label=\"").append(t("Rechercher une activité", "Search activities"))
                .append("\">\n");
        if (en) {
            b.append("<input type=\"hidden\" name=\"lang\" value=\"en\">\n");
        }
        if (f.one("epci") != null) { // kept while the other fields change: the EPCI page's links set it
            b.append("<input type=\"hidden\" name=\"epci\" value=\"").append(esc(f.one("epci"))).append("\">\n");
        }
        text(b, "q", t("Quoi ? (mots)", "What? (words)"), "search", f.one("q"), t("ex. : judo, chorale, aide "
                + "aux devoirs", "e.g. judo, choir, homework help"));
        text(b, "where", t("Où ? (commune ou code postal)", "Where? (commune or postcode)"), "text",
                f.commune() != null ? Where.get().shown(f.commune()) : f.one("where"), t("ex. : Rennes, 35000",
                        "e.g. Rennes, 35000"));
        b.append("<p><label for=\"within\">").append(t("Distance", "Distance")).append("</label><select id=\"within\""
                + " name=\"within\">");
        String within = f.one("within") == null ? "0" : f.one("within");
        for (String km : List.of("0", "2", "5", "10", "20", "50")) {
            b.append("<option value=\"").append(km).append('"').append(km.equals(within) ? " selected" : "")
                    .append('>').append(km.equals("0") ? t("dans la commune", "in the commune")
                            : t("à moins de " + km + " km", "within " + km + " km")).append("</option>");
        }
        b.append("</select></p>\n");
        themes(b, f, s);
        b.append("<p><label for=\"age\">").append(t("Âge (ans)", "Age (years)"))
                .append("</label><input id=\"age\" name=\"age\" type=\"number\" min=\"0\" max=\"120\" "
                        + "inputmode=\"numeric\" value=\"").append(esc(f.one("age"))).append("\"></p>\n");
        b.append("<p><label for=\"time\">").append(t("Moment de la journée", "Time of day"))
                .append("</label><select id=\"time\" name=\"time\">");
        String time = f.one("time") == null ? "" : f.one("time");
        String[][] times = {{"", t("indifférent", "any time")}, {"morning", t("le matin (avant 12 h)",
            "morning (before 12:00)")}, {"afternoon", t("l'après-midi (12 h – 18 h)", "afternoon (12:00–18:00)")},
            {"evening", t("le soir (après 18 h)", "evening (after 18:00)")}};
        for (String[] o : times) {
            b.append("<option value=\"").append(o[0]).append('"').append(o[0].equals(time) ? " selected" : "")
                    .append('>').append(o[1]).append("</option>");
        }
        b.append("</select></p>\n");
        b.append("<p><label for=\"max-price\">").append(t("Prix maximum (€ par an)", "Maximum price (€ a year)"))
                .append("</label><input id=\"max-price\" name=\"max-price\" type=\"number\" min=\"0\" step=\"1\" "
                        + "inputmode=\"numeric\" value=\"").append(esc(f.one("max-price"))).append("\"></p>\n");
        languages(b, f, s);
        b.append("<fieldset class=\"wide\"><legend>").append(t("Jours", "Days")).append("</legend>");
        Map<DayOfWeek, Integer> byDay = new HashMap<>();
        if (s != null) {
            for (Activity a : s.counts().byDay()) {
                a.days().forEach(d -> byDay.merge(d, 1, Integer::sum));
            }
        }
        List<String> days = f.all("day").stream().flatMap(v -> List.of(v.split(",")).stream())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < 7; i++) {
            String code = DAY_CODES.get(i);
            DayOfWeek d = WEEK.get(i);
            boolean on = days.contains(code) || days.contains(d.getDisplayName(TextStyle.FULL, Locale.FRENCH))
                    || days.contains(d.name().toLowerCase(Locale.ROOT));
            b.append("<span class=\"opt\"><input type=\"checkbox\" id=\"day-").append(code)
                    .append("\" name=\"day\" value=\"")
                    .append(code).append('"').append(on ? " checked" : "").append("><label for=\"day-").append(code)
                    .append("\">").append(words.day(d));
            count(b, s == null ? null : byDay.getOrDefault(d, 0));
            b.append("</label></span> ");
        }
        b.append("</fieldset>\n<fieldset class=\"wide\"><legend>").append(t("Autres critères", "Other criteria"))
                .append("</legend>");
        check(b, "free", t("gratuit", "free of charge"), f, s == null ? null
                : (int) s.counts().byFree().stream().filter(a -> Boolean.TRUE.equals(a.free())).count());
        check(b, "accessible", t("accessible aux personnes handicapées", "accessible to disabled people"), f,
                s == null ? null : (int) s.counts().byAccessible().stream()
                        .filter(a -> Boolean.TRUE.equals(a.accessible())).count());
        b.append("</fieldset>\n<p class=\"go wide\"><button type=\"submit\">").append(t("Rechercher", "Search"))
                .append("</button> <a href=\"").append(FinderService.PATH).append(en ? "?lang=en" : "")
                .append("\">").append(t("Tout effacer", "Clear all")).append("</a></p>\n</form>\n");
    }

    private static void text(StringBuilder b, String name, String label, String type, String value,
                             String hint) {
        b.append("<p><label for=\"").append(name).append("\">").append(label).append("</label><input id=\"")
                .append(name).append("\" name=\"").append(name).append("\" type=\"").append(type)
                .append("\" value=\"").append(esc(value)).append("\" placeholder=\"").append(esc(hint))
                .append("\"></p>\n");
    }

    private void count(StringBuilder b, Integer n) {
        if (n != null) {
            b.append(" <span class=\"meta\">(").append(n).append(")</span>");
        }
    }

    private void check(StringBuilder b, String name, String label, FinderService.Form f, Integer n) {
        String v = f.one(name);
        boolean on = v != null && List.of("true", "1", "yes", "oui", "on").contains(v.toLowerCase(Locale.ROOT));
        b.append("<span class=\"opt\"><input type=\"checkbox\" id=\"").append(name).append("\" name=\"").append(name)
                .append("\" value=\"true\"").append(on ? " checked" : "").append("><label for=\"").append(name)
                .append("\">").append(label);
        count(b, n);
        b.append("</label></span> ");
    }

    private void themes(StringBuilder b, FinderService.Form f, FinderService.Search s) {
        Map<String, Integer> byTheme = new HashMap<>();
        Map<String, List<String>> tree = Themes.tree();
        if (s != null) {
            for (Activity a : s.counts().byTheme()) {
                for (String theme : a.themes()) {
                    byTheme.merge(theme, 1, Integer::sum);
                }
                for (String top : Themes.topsOf(a.themes())) {
                    if (!a.themes().contains(top)) {
                        byTheme.merge(top, 1, Integer::sum);
                    }
                }
            }
        }
        String chosen = f.one("theme") == null ? "" : f.one("theme");
        Collator collator = Collator.getInstance(locale);
        b.append("<p><label for=\"theme\">").append(t("Thème", "Theme")).append("</label><select id=\"theme\" "
                + "name=\"theme\"><option value=\"\">").append(t("tous les thèmes", "all themes")).append("</option>");
        Map<String, String> tops = new TreeMap<>(collator);
        tree.keySet().forEach(top -> tops.put(Themes.label(top, lang), top));
        tops.forEach((label, top) -> {
            b.append("<optgroup label=\"").append(esc(label)).append("\">");
            option(b, top, t("Tout : ", "All: ") + label, chosen, s == null ? null : byTheme.getOrDefault(top, 0));
            List<String> children = new ArrayList<>(tree.get(top));
            children.sort(Comparator.comparing(c -> Themes.label(c, lang), collator));
            for (String c : children) {
                option(b, c, Themes.label(c, lang), chosen, s == null ? null : byTheme.getOrDefault(c, 0));
            }
            b.append("</optgroup>");
        });
        b.append("</select></p>\n");
    }

    private static void option(StringBuilder b, String value, String label, String chosen, Integer n) {
        b.append("<option value=\"").append(esc(value)).append('"').append(value.equals(chosen) ? " selected" : "")
                .append('>').append(esc(label)).append(n == null ? "" : " (" + n + ")").append("</option>");
    }

    private void languages(StringBuilder b, FinderService.Form f, FinderService.Search s) {
        Map<String, Integer> byLanguage = new TreeMap<>();
        if (s != null) {
            for (Activity a : s.counts().byLanguage()) {
                a.languages().forEach(l -> byLanguage.merge(l, 1, Integer::sum));
            }
        }
        String chosen = f.one("language") == null ? "" : f.one("language");
        if (!chosen.isEmpty()) {
            byLanguage.putIfAbsent(chosen, 0);
        }
        b.append("<p><label for=\"language\">").append(t("Langue parlée", "Language spoken"))
                .append("</label><select id=\"language\" name=\"language\"><option value=\"\">")
                .append(t("toutes", "any")).append("</option>");
        byLanguage.forEach((code, n) -> option(b, code, words.language(code),
                chosen, s == null ? null : n));
        b.append("</select></p>\n");
    }

    // ---------------------------------------------------------------- results

    /** Where the search looked, and the other communes the name could mean. */
    private void where(StringBuilder b, FinderService.Form f) {
        ReferenceData.Epci epci = f.epci();
        if (epci != null) {
            b.append("<p>").append(t("Dans l'intercommunalité ", "In ")).append("<a href=\"/id/epci/")
                    .append(esc(epci.siren())).append(en ? "?lang=en" : "").append("\">").append(esc(epci.name()))
                    .append("</a> (<a href=\"").append(esc(link(f.values(), Map.of("epci", List.of(), "page",
                            List.of())))).append("\">").append(t("chercher partout", "search everywhere"))
                    .append("</a>).</p>\n");
        }
        if (f.commune() == null) {
            return;
        }
        ReferenceData.Commune c = f.commune();
        int km = f.within();
        b.append("<p>").append(km == 0 ? t("Dans la commune de ", "In ") : t("À moins de " + km + " km du centre de ",
                "Within " + km + " km of the centre of ")).append("<a href=\"/id/commune/").append(esc(c.code()))
                .append(en ? "?lang=en" : "").append("\">").append(esc(c.name())).append("</a> (")
                .append(esc(c.departement())).append(").");
        if (!f.others().isEmpty()) {
            b.append(' ').append(t("Vous pensiez peut-être à ", "Or did you mean "));
            for (int i = 0; i < f.others().size(); i++) {
                ReferenceData.Commune o = f.others().get(i);
                b.append(i == 0 ? "" : ", ").append("<a href=\"")
                        .append(esc(link(f.values(), Map.of("where", List.of(Where.exact(o)), "page", List.of()))))
                        .append("\">").append(esc(o.name())).append(" (").append(esc(o.departement())).append(")</a>");
            }
            b.append(" ?");
        }
        b.append("</p>\n");
    }

    private void card(StringBuilder b, Activity a, FinderService.Search s) {
        card(b, a, s, "");
    }

    /**
     * An activity's card; {@code linkAttributes} are added to its links ({@code target="_blank"} in the widget, whose
     * links leave the frame).
     */
    void card(StringBuilder b, Activity a, FinderService.Search s, String linkAttributes) {
        String q = en ? "?lang=en" : "";
        b.append("<li><article>\n<h3><a href=\"/id/activity/").append(esc(a.key())).append(q).append('"')
                .append(linkAttributes).append('>').append(esc(a.title())).append("</a></h3>\n");
        if (a.organizerName() != null) {
            b.append("<p>").append(t("Par ", "By ")).append(a.organizer() == null ? esc(a.organizerName())
                    : "<a href=\"/id/association/" + esc(Bindings.lastSegment(a.organizer())) + q + "\""
                    + linkAttributes + ">" + esc(a.organizerName()) + "</a>").append("</p>\n");
        }
        String when = words.schedule(a);
        if (!when.isEmpty()) {
            b.append("<p><strong>").append(esc(when)).append("</strong></p>\n");
        }
        List<String> facts = new ArrayList<>();
        String where = place(a);
        if (!where.isEmpty()) {
            facts.add(where);
        }
        ActivityFilter filter = s.filter();
        if (filter.near() != null && ActivityFilter.lat(a) != null) {
            facts.add(words.distance(filter.near().distance(a.place().lat(), a.place().lon())));
        }
        b.append("<p>").append(esc(String.join(" · ", facts))).append("</p>\n");
        List<String> more = new ArrayList<>();
        String ages = words.ages(a.minAge(), a.maxAge());
        if (!ages.isEmpty()) {
            more.add(ages);
        }
        String price = words.price(a.free(), a.price());
        if (!price.isEmpty()) {
            more.add(price);
        }
        if (Boolean.TRUE.equals(a.accessible())) {
            more.add(t("accessible aux personnes handicapées", "accessible to disabled people"));
        }
        if (!more.isEmpty()) {
            b.append("<p>").append(esc(String.join(" · ", more))).append("</p>\n");
        }
        LocalDate next = a.firstOccurrence(s.today(), null);
        if (next != null) {
            b.append("<p class=\"meta\">").append(t("Prochaine séance : ", "Next session: "))
                    .append("<time datetime=\"").append(next).append("\">")
                    .append(esc(words.date(next)))
                    .append("</time></p>\n");
        }
        b.append("</article></li>\n");
    }

    private String place(Activity a) {
        List<String> parts = new ArrayList<>();
        if (a.place() != null && a.place().name() != null) {
            parts.add(a.place().name());
        }
        if (a.commune() != null) {
            ReferenceData.get().commune(a.commune()).ifPresent(c -> parts.add(c.name()));
        }
        return String.join(", ", parts);
    }

    private void noResult(StringBuilder b, FinderService.Search s) {
        if (s.suggestions().isEmpty()) {
            b.append("<p>").append(t("Aucune activité à venir n'est publiée pour le moment.",
                    "No upcoming activity is published yet.")).append("</p>\n");
            return;
        }
        b.append("<p>").append(t("Essayez en retirant un critère :", "Try without one of the criteria:"))
                .append("</p>\n<ul>\n");
        s.suggestions().forEach((field, n) -> {
            Map<String, List<String>> drop = new HashMap<>();
            drop.put(field, List.of());
            drop.put("page", List.of());
            if (field.equals("where")) {
                drop.put("within", List.of());
            }
            b.append("<li><a href=\"").append(esc(link(s.form().values(), drop))).append("\">")
                    .append(t("sans ", "without ")).append(esc(fieldLabel(field, s.form()))).append("</a> : ")
                    .append(n).append(' ').append(n == 1 ? t("activité", "activity") : t("activités", "activities"))
                    .append("</li>\n");
        });
        b.append("</ul>\n");
    }

    private String fieldLabel(String field, FinderService.Form f) {
        String v = String.join(", ", f.all(field));
        return switch (field) {
            case "q" -> t("les mots « " + v + " »", "the words \"" + v + "\"");
            case "where" -> t("le lieu (", "the place (") + (f.commune() == null ? v : f.commune().name()) + ")";
            case "theme" -> t("le thème ", "the theme ") + Themes.label(v, lang);
            case "age" -> t("l'âge (" + v + " ans)", "the age (" + v + ")");
            case "day" -> t("les jours", "the days");
            case "time" -> t("le moment de la journée", "the time of day");
            case "free" -> t("« gratuit »", "\"free of charge\"");
            case "max-price" -> t("le prix maximum (" + v + " €)", "the maximum price (€" + v + ")");
            case "accessible" -> t("« accessible »", "\"accessible\"");
            case "language" -> t("la langue", "the language");
            case "week" -> t("« cette semaine »", "\"this week\"");
            case "epci" -> t("l'intercommunalité (", "the EPCI (") + (f.epci() == null ? v : f.epci().name()) + ")";
            default -> field;
        };
    }

    private void paging(StringBuilder b, FinderService.Search s) {
        if (s.pages() <= 1) {
            return;
        }
        b.append("<nav class=\"pages\" aria-label=\"").append(t("Pages de résultats", "Result pages")).append("\">");
        if (s.page() > 1) {
            b.append("<a rel=\"prev\" href=\"").append(esc(link(s.form().values(), Map.of("page",
                    List.of(Integer.toString(s.page() - 1)))))).append("\">").append(t("← Page précédente",
                    "← Previous page")).append("</a>");
        }
        if (s.page() < s.pages()) {
            b.append("<a rel=\"next\" href=\"").append(esc(link(s.form().values(), Map.of("page",
                    List.of(Integer.toString(s.page() + 1)))))).append("\">").append(t("Page suivante →",
                    "Next page →")).append("</a>");
        }
        b.append("</nav>\n");
    }

    /** The finder's URL for {@code values} with {@code changes} (an empty list removes a field). */
    static String link(Map<String, List<String>> values, Map<String, List<String>> changes) {
        Map<String, List<String>> all = new TreeMap<>(values);
        all.putAll(changes);
        StringBuilder u = new StringBuilder(FinderService.PATH);
        char sep = '?';
        for (var e : all.entrySet()) {
            for (String v : e.getValue()) {
                u.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return u.toString();
    }
}
