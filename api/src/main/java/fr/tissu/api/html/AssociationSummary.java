package fr.tissu.api.html;

import static fr.tissu.api.html.Html.esc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Association;

/**
 * What a resident needs first on an association's page: what it does (its object), whether it is active, where
 * (its address and commune), its website, and the activities it organises with their days and hours in words (the
 * seasons that are over are marked). The Linked Data description follows it on the page.
 */
public final class AssociationSummary {
    /** Activities listed on the page; beyond, a count. */
    static final int LISTED = 50;

    private AssociationSummary() {
    }

    /** The summary section of {@code a}, which organises {@code activities} (in title order), as of {@code today}. */
    public static String render(Association a, List<Activity> activities, String lang, LocalDate today) {
        boolean en = "en".equals(lang);
        ActivityWords words = new ActivityWords(lang);
        String q = en ? "?lang=en" : "";
        StringBuilder b = ActivitySummary.start(en, a.description());
        List<String> status = new ArrayList<>();
        if (a.dissolved() != null) {
            status.add("<strong>" + esc((en ? "Dissolved on " : "Dissoute le ") + words.date(a.dissolved()))
                    + "</strong>");
        } else if ("active".equals(a.status())) {
            status.add(en ? "Active" : "En activité");
        }
        if (a.founded() != null) {
            status.add(esc((en ? "founded on " : "créée le ") + words.date(a.founded())));
        }
        ActivitySummary.row(b, en ? "Status" : "Situation", String.join(", ", status));
        List<String> where = new ArrayList<>();
        if (a.address() != null) {
            where.add(esc(a.address()));
        }
        String commune = a.commune() == null ? "" : ActivitySummary.commune(a.commune(), en);
        if (!commune.isEmpty()) {
            where.add(commune);
        }
        ActivitySummary.row(b, en ? "Where" : "Où", String.join("<br>", where));
        if (a.website() != null && (a.website().startsWith("https://") || a.website().startsWith("http://"))) {
            ActivitySummary.row(b, en ? "Website" : "Site web", "<a href=\"" + esc(a.website()) + "\">"
                    + esc(a.website()) + "</a>");
        }
        ActivitySummary.row(b, en ? "RNA number" : "Numéro RNA", esc(a.rna() == null ? "" : a.rna()));
        b.append("</dl>\n<h3>").append(en ? "Its activities" : "Ses activités").append(" (")
                .append(activities.size()).append(")</h3>\n");
        if (activities.isEmpty()) {
            b.append("<p>").append(en ? "No activity is listed for this association."
                    : "Aucune activité n'est publiée pour cette association.").append("</p>\n");
        } else {
            b.append("<ul>\n");
            for (Activity activity : activities.subList(0, Math.min(LISTED, activities.size()))) {
                b.append("<li><a href=\"/id/activity/").append(esc(activity.key())).append(q).append("\">")
                        .append(esc(activity.title())).append("</a>");
                String schedule = words.schedule(activity);
                if (!schedule.isEmpty()) {
                    b.append(" — ").append(esc(schedule));
                }
                if (activity.seasonEnd() != null && activity.seasonEnd().isBefore(today)) {
                    b.append(" <em>(").append(en ? "season over" : "saison terminée").append(")</em>");
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
            if (activities.size() > LISTED) {
                b.append("<p>").append(en ? "and " + (activities.size() - LISTED) + " more"
                        : "et " + (activities.size() - LISTED) + " autres").append("</p>\n");
            }
        }
        return b.append("</section>\n").toString();
    }
}
