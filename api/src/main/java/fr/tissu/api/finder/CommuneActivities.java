package fr.tissu.api.finder;

import static fr.tissu.api.html.Html.esc;

import java.text.Collator;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.Params;
import fr.tissu.api.domain.Themes;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ReferenceData;

/**
 * A commune's activities on its page, through the finder: how many upcoming activities it has, and how many in each
 * theme, each a link to the finder showing them.
 */
public final class CommuneActivities {
    private CommuneActivities() {
    }

    /** The section for the commune {@code code}, or an empty string for an unknown commune. */
    public static String render(Instance tissu, String code, String lang) {
        ReferenceData.Commune commune = ReferenceData.get().commune(code).orElse(null);
        if (commune == null) {
            return "";
        }
        boolean en = "en".equals(lang);
        String where = Where.exact(commune);
        List<Activity> upcoming = ActivityFilter.parse(new Params(Map.of("commune", List.of(code), "when",
                List.of("upcoming")), ActivityFilter.PARAMETERS), LocalDate.now()).in(tissu.model().activities());
        Map<String, Integer> byTop = new HashMap<>();
        for (Activity a : upcoming) {
            Themes.topsOf(a.themes()).forEach(t -> byTop.merge(t, 1, Integer::sum));
        }
        String langParam = en ? "&lang=en" : "";
        StringBuilder b = new StringBuilder(1024);
        b.append("<section aria-labelledby=\"activities\">\n<h2 id=\"activities\">")
                .append(en ? "Activities in " : "Les activités à ").append(esc(commune.name())).append("</h2>\n<p>")
                .append("<a href=\"").append(esc(FinderPage.link(Map.of("where", List.of(where)), Map.of())))
                .append(esc(langParam)).append("\">").append(upcoming.size()).append(' ')
                .append(en ? (upcoming.size() == 1 ? "upcoming activity" : "upcoming activities")
                        : (upcoming.size() == 1 ? "activité à venir" : "activités à venir")).append("</a>");
        if (byTop.isEmpty()) {
            return b.append("</p>\n</section>\n").toString();
        }
        b.append(en ? ", by theme:" : ", par thème :").append("</p>\n<ul>\n");
        Map<String, String> sorted = new TreeMap<>(Collator.getInstance(en ? Locale.UK : Locale.FRENCH));
        byTop.keySet().forEach(top -> sorted.put(Themes.label(top, lang), top));
        sorted.forEach((label, top) -> b.append("<li><a href=\"")
                .append(esc(FinderPage.link(Map.of("where", List.of(where), "theme", List.of(top)), Map.of())))
                .append(esc(langParam)).append("\">").append(esc(label)).append("</a> (").append(byTop.get(top))
                .append(")</li>\n"));
        return b.append("</ul>\n</section>\n").toString();
    }
}
