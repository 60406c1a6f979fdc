package fr.tissu.api.html;

import static fr.tissu.api.html.Html.esc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Bindings;
import fr.tissu.store.read.ReferenceData;

/**
 * What a resident needs first on an activity's page, in sentences: what, when (with the season and the next
 * session, or that the season is over), where (address, a link to open the place in OpenStreetMap), who organises
 * it, for whom, the price, accessibility, languages, how to register (telephone and e-mail as links), and a link to
 * add it to a calendar. The Linked Data description follows it on the page.
 */
public final class ActivitySummary {
    private ActivitySummary() {
    }

    /** The summary section of {@code a}, as of {@code today}. */
    public static String render(Activity a, String lang, LocalDate today) {
        boolean en = "en".equals(lang);
        ActivityWords words = new ActivityWords(lang);
        String q = en ? "?lang=en" : "";
        StringBuilder b = start(en, a.description());
        List<String> when = new ArrayList<>();
        String schedule = words.schedule(a);
        if (!schedule.isEmpty()) {
            when.add("<strong>" + esc(schedule) + "</strong>");
        }
        if (a.seasonStart() != null && a.seasonEnd() != null) {
            when.add(esc((en ? "from " : "du ") + words.date(a.seasonStart()) + (en ? " to " : " au ")
                    + words.date(a.seasonEnd())));
        }
        LocalDate next = a.firstOccurrence(today, null);
        if (next != null) {
            when.add(esc((en ? "next session: " : "prochaine séance : ") + words.date(next)));
        } else if (a.seasonEnd() != null && a.seasonEnd().isBefore(today)) {
            when.add("<strong>" + (en ? "This season is over." : "Cette saison est terminée.") + "</strong>");
        }
        row(b, en ? "When" : "Quand", String.join("<br>", when));
        List<String> where = new ArrayList<>();
        Activity.Place p = a.place();
        if (p != null && p.name() != null) {
            where.add(esc(p.name()));
        }
        if (p != null && p.address() != null) {
            where.add(esc(p.address()));
        } else if (a.commune() != null) {
            ReferenceData.get().commune(a.commune()).ifPresent(c -> where.add(esc(c.name())));
        }
        if (p != null && p.lat() != null && p.lon() != null) {
            where.add(openStreetMap(p.lat(), p.lon(), en));
        }
        row(b, en ? "Where" : "Où", String.join("<br>", where));
        if (a.organizerName() != null) {
            row(b, en ? "Organised by" : "Organisé par", a.organizer() == null ? esc(a.organizerName())
                    : "<a href=\"/id/association/" + esc(Bindings.lastSegment(a.organizer())) + q + "\">"
                    + esc(a.organizerName()) + "</a>");
        }
        String ages = words.ages(a.minAge(), a.maxAge());
        row(b, en ? "For" : "Pour qui", esc(ages.isEmpty() ? (en ? "all ages" : "tous âges") : ages));
        String price = words.price(a.free(), a.price());
        row(b, en ? "Price" : "Prix", esc(price.isEmpty() ? (en ? "not given" : "non précisé") : price));
        row(b, en ? "Accessibility" : "Accessibilité", esc(a.accessible() == null ? (en ? "not given" : "non précisé")
                : a.accessible() ? (en ? "accessible to disabled people" : "accessible aux personnes handicapées")
                : (en ? "not accessible to disabled people" : "non accessible aux personnes handicapées")));
        if (!a.languages().isEmpty()) {
            row(b, en ? "Languages" : "Langues", esc(String.join(", ", a.languages().stream().map(words::language)
                    .toList())));
        }
        List<String> contact = new ArrayList<>();
        if (a.registration() != null && (a.registration().startsWith("https://")
                || a.registration().startsWith("http://"))) {
            contact.add("<a href=\"" + esc(a.registration()) + "\">" + (en ? "Register online" : "S'inscrire en ligne")
                    + "</a>");
        }
        if (a.telephone() != null) {
            contact.add(telephone(a.telephone(), en));
        }
        if (a.email() != null) {
            contact.add(email(a.email(), en));
        }
        if (!contact.isEmpty()) {
            row(b, en ? "Registration" : "Inscription", String.join("<br>", contact));
        }
        b.append("</dl>\n<p><a href=\"/api/v1/activities/").append(esc(a.key())).append("?format=ics\" type=\"text/"
                + "calendar\">").append(en ? "Add to my calendar (iCalendar)" : "Ajouter à mon agenda (iCalendar)")
                .append("</a> · <a href=\"/trouver").append(q).append("\">")
                .append(en ? "Find other activities" : "Trouver d'autres activités").append("</a></p>\n</section>\n");
        return b.toString();
    }

    /** The start of a summary section: its heading, the thing's description (or {@code null}), its list opened. */
    static StringBuilder start(boolean en, String description) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<section aria-labelledby=\"essentials\">\n<h2 id=\"essentials\">")
                .append(en ? "In short" : "L'essentiel").append("</h2>\n");
        if (description != null) {
            b.append("<p>").append(esc(description)).append("</p>\n");
        }
        return b.append("<dl>\n");
    }

    /** A link that opens a place in OpenStreetMap (a link: the page itself makes no request to another site). */
    static String openStreetMap(double lat, double lon, boolean en) {
        String y = String.format(Locale.ROOT, "%.6f", lat);
        String x = String.format(Locale.ROOT, "%.6f", lon);
        return "<a href=\"https://www.openstreetmap.org/?mlat=" + y + "&amp;mlon=" + x + "#map=18/" + y + "/" + x
                + "\">" + (en ? "Open the place in OpenStreetMap" : "Voir le lieu sur OpenStreetMap") + "</a>";
    }

    /** "Téléphone : " and the number as a {@code tel:} link. */
    static String telephone(String number, boolean en) {
        return (en ? "Telephone: " : "Téléphone : ") + "<a href=\"tel:" + esc(number.replaceAll("[^+0-9]", ""))
                + "\">" + esc(number) + "</a>";
    }

    /** "Courriel : " and the address as a {@code mailto:} link. */
    static String email(String address, boolean en) {
        return (en ? "E-mail: " : "Courriel : ") + "<a href=\"mailto:" + esc(address) + "\">" + esc(address) + "</a>";
    }

    /** A commune's name linking to its page, or an empty string for an unknown code. */
    static String commune(String code, boolean en) {
        return ReferenceData.get().commune(code).map(c -> "<a href=\"/id/commune/" + esc(c.code())
                + (en ? "?lang=en" : "") + "\">" + esc(c.name()) + "</a>").orElse("");
    }

    /** A term and its description, when there is one ({@code html} already escaped). */
    static void row(StringBuilder b, String term, String html) {
        if (!html.isEmpty()) {
            b.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
        }
    }
}
