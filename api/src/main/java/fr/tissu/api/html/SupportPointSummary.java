package fr.tissu.api.html;

import static fr.tissu.api.html.Html.esc;

import java.util.ArrayList;
import java.util.List;

import fr.tissu.store.read.SupportPoint;

/**
 * What a resident needs first on a digital-support point's page: what it offers, when it is open (in words, the
 * OpenStreetMap text kept when it says more than weekly hours), where (address, commune, a link to open the place in
 * OpenStreetMap), whether it is free, and how to reach it (telephone, e-mail, website as links). The Linked Data
 * description follows it on the page.
 */
public final class SupportPointSummary {
    private SupportPointSummary() {
    }

    /** The summary section of {@code p}. */
    public static String render(SupportPoint p, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder b = ActivitySummary.start(en, p.summary() != null ? p.summary() : p.description());
        String hours = new OpeningHoursWords(lang).say(p.openingHours());
        ActivitySummary.row(b, en ? "Opening hours" : "Horaires", hours != null ? "<strong>" + esc(hours) + "</strong>"
                : p.openingHours() == null ? "" : esc(p.openingHours()));
        if (!p.services().isEmpty()) {
            ActivitySummary.row(b, en ? "Help offered" : "Services", esc(String.join(", ", p.services())));
        }
        if (p.free() != null) {
            ActivitySummary.row(b, en ? "Price" : "Prix", p.free() ? (en ? "free of charge" : "gratuit")
                    : (en ? "charges may apply" : "payant"));
        }
        List<String> where = new ArrayList<>();
        if (p.address() != null) {
            where.add(esc(p.address()));
        }
        String commune = p.commune() == null ? "" : ActivitySummary.commune(p.commune(), en);
        if (!commune.isEmpty()) {
            where.add(commune);
        }
        if (p.lat() != null && p.lon() != null) {
            where.add(ActivitySummary.openStreetMap(p.lat(), p.lon(), en));
        }
        ActivitySummary.row(b, en ? "Where" : "Où", String.join("<br>", where));
        List<String> contact = new ArrayList<>();
        p.telephones().forEach(t -> contact.add(ActivitySummary.telephone(t, en)));
        p.emails().forEach(e -> contact.add(ActivitySummary.email(e, en)));
        for (String website : p.websites()) {
            if (website.startsWith("https://") || website.startsWith("http://")) {
                contact.add("<a href=\"" + esc(website) + "\">" + esc(website) + "</a>");
            }
        }
        ActivitySummary.row(b, "Contact", String.join("<br>", contact));
        return b.append("</dl>\n</section>\n").toString();
    }
}
