package fr.tissu.api.html;

import static fr.tissu.api.html.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.tissu.store.read.ReferenceData;
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
        if (p.commune() != null) {
            ReferenceData.get().commune(p.commune()).ifPresent(c -> where.add("<a href=\"/id/commune/"
                    + esc(c.code()) + (en ? "?lang=en" : "") + "\">" + esc(c.name()) + "</a>"));
        }
        if (p.lat() != null && p.lon() != null) {
            String lat = String.format(Locale.ROOT, "%.6f", p.lat());
            String lon = String.format(Locale.ROOT, "%.6f", p.lon());
            where.add("<a href=\"https://www.openstreetmap.org/?mlat=" + lat + "&amp;mlon=" + lon + "#map=18/" + lat
                    + "/" + lon + "\">" + (en ? "Open the place in OpenStreetMap" : "Voir le lieu sur OpenStreetMap")
                    + "</a>");
        }
        ActivitySummary.row(b, en ? "Where" : "Où", String.join("<br>", where));
        List<String> contact = new ArrayList<>();
        for (String telephone : p.telephones()) {
            contact.add((en ? "Telephone: " : "Téléphone : ") + "<a href=\"tel:" + esc(telephone.replaceAll("[^+0-9]",
                    "")) + "\">" + esc(telephone) + "</a>");
        }
        for (String email : p.emails()) {
            contact.add((en ? "E-mail: " : "Courriel : ") + "<a href=\"mailto:" + esc(email) + "\">" + esc(email)
                    + "</a>");
        }
        for (String website : p.websites()) {
            if (website.startsWith("https://") || website.startsWith("http://")) {
                contact.add("<a href=\"" + esc(website) + "\">" + esc(website) + "</a>");
            }
        }
        ActivitySummary.row(b, en ? "Contact" : "Contact", String.join("<br>", contact));
        return b.append("</dl>\n</section>\n").toString();
    }
}
