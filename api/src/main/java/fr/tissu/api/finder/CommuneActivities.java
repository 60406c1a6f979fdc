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
 * A commune's or an EPCI's activities on its page, through the finder: how many upcoming activities it has, and how
 * many in each theme, each a link to the finder showing them.
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
        return render(tissu, "commune", code, Map.of("where", List.of(Where.exact(commune))),
                (en ? "Activities in " : "Les activités à ") + commune.name(), lang);
    }

    /** The section for the EPCI {@code siren}, or an empty string for an unknown EPCI. */
    public static String renderEpci(Instance tissu, String siren, String lang) {
        ReferenceData.Epci epci = ReferenceData.get().epci(siren).orElse(null);
        if (epci == null) {
            return "";
        }
        boolean en = "en".equals(lang);
        return render(tissu, "epci", siren, Map.of("epci", List.of(siren)),
                (en ? "Activities in " : "Les activités de ") + epci.name(), lang);
    }

    /**
     * The section for the activities the REST parameter {@code parameter} = {@code value} selects, each count a link
     * to the finder with {@code finder} (its fields for the same area) and the theme.
     */
    private static String render(Instance tissu, String parameter, String value, Map<String, List<String>> finder,
                                 String heading, String lang) {
        boolean en = "en".equals(lang);
        List<Activity> upcoming = ActivityFilter.parse(new Params(Map.of(parameter, List.of(value), "when",
                List.of("upcoming")), ActivityFilter.PARAMETERS), LocalDate.now()).in(tissu.model().activities());
        Map<String, Integer> byTop = new HashMap<>();
        for (Activity a : upcoming) {
            Themes.topsOf(a.themes()).forEach(t -> byTop.merge(t, 1, Integer::sum));
        }
        String langParam = en ? "&lang=en" : "";
        StringBuilder b = new StringBuilder(1024);
        b.append("<section aria-labelledby=\"activities\">\n<h2 id=\"activities\">").append(esc(heading))
                .append("</h2>\n<p>")
                .append("<a href=\"").append(esc(FinderPage.link(finder, Map.of())))
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
                .append(esc(FinderPage.link(finder, Map.of("theme", List.of(top)))))
                .append(esc(langParam)).append("\">").append(esc(label)).append("</a> (").append(byTop.get(top))
                .append(")</li>\n"));
        return b.append("</ul>\n</section>\n").toString();
    }
}
