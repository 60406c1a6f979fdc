package fr.tissu.api.html;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.domain.Charter;
import fr.tissu.api.domain.IndicatorComparison;

/**
 * The charter indicators on a commune's page: a form to pick the indicator and the group (no script needed), a
 * time-series chart (the commune against the group's median and quartiles) and a ranking chart, both drawn on the
 * server as SVG with a title, a text summary and the data table beside them, and the commune's latest values.
 *
 * <p>Over 300 lines on purpose: it is one section of one page, written in reading order, and its two charts share
 * the scale helpers, the language and the number format; split, each part would need all of them passed along.
 */
public final class IndicatorSection {
    private static final int RANKING_BARS = 30;
    private static final String COMMUNE = "#0b4fa8";
    private static final String OTHERS = "#6b7785";
    private static final String BAND = "#dfe6ee";
    private static final String INK = "#1b1b1b";

    private final boolean en;
    private final NumberFormat number;

    private IndicatorSection(String lang) {
        this.en = "en".equals(lang);
        this.number = NumberFormat.getNumberInstance(en ? Locale.ENGLISH : Locale.FRENCH);
        number.setMaximumFractionDigits(2);
    }

    /**
     * The section for {@code commune}; {@code indicator} and {@code group} come from the page's query (either may be
     * {@code null}: the first indicator with a value for the commune, and its EPCI).
     */
    public static String render(IndicatorComparison comparison, String commune, String indicator, String group,
                                String lang, String path) {
        return new IndicatorSection(lang).section(comparison, commune, indicator, group, path);
    }

    private String section(IndicatorComparison comparison, String commune, String indicator, String group,
                           String path) {
        List<Map<String, Object>> values = comparison.ofCommune(commune, null, null);
        String chosen = indicator;
        if (chosen == null || Charter.indicator(indicator).isEmpty()) {
            chosen = values.isEmpty() ? "1.1" : (String) ((Map<?, ?>) values.get(0).get("indicator")).get("code");
        }
        String kind = group != null && IndicatorComparison.GROUPS.contains(group) ? group : "epci";
        StringBuilder s = new StringBuilder();
        s.append("<section aria-labelledby=\"indicators\"><h2 id=\"indicators\">")
                .append(en ? "Charter indicators" : "Indicateurs de la charte").append("</h2>\n");
        form(s, path, chosen, kind);
        Map<String, Object> c;
        try {
            c = comparison.compare(chosen, commune, kind, null, null);
        } catch (BadParameterException e) {
            s.append("<p>").append(Html.esc(e.getMessage())).append("</p>\n</section>\n");
            return s.toString();
        }
        String query = Html.esc("?commune=" + commune + "&group=" + kind);
        s.append("<p>").append(en ? "Data: " : "Données : ").append("<a href=\"/api/v1/indicators/").append(chosen)
                .append("/compare").append(query).append("\">JSON</a>, <a href=\"/api/v1/indicators/").append(chosen)
                .append("/compare").append(query).append("&amp;format=csv\">CSV</a>.</p>\n");
        timeSeries(s, c);
        ranking(s, c, commune);
        latest(s, values);
        s.append("</section>\n");
        return s.toString();
    }

    private void form(StringBuilder s, String path, String chosen, String kind) {
        s.append("<form method=\"get\" action=\"").append(Html.esc(path)).append("#indicators\" class=\"pick\">\n");
        if (en) {
            s.append("<input type=\"hidden\" name=\"lang\" value=\"en\">\n");
        }
        s.append("<label for=\"indicator\">").append(en ? "Indicator" : "Indicateur").append("</label> ")
                .append("<select id=\"indicator\" name=\"indicator\">\n");
        for (Charter.Indicator i : Charter.indicators()) {
            String code = i.code();
            s.append("<option value=\"").append(code).append('"').append(code.equals(chosen) ? " selected" : "")
                    .append('>').append(code).append(" — ").append(Html.esc(inLanguage(i.label())))
                    .append("</option>\n");
        }
        s.append("</select>\n<label for=\"group\">").append(en ? "compared with" : "comparée avec").append("</label> ")
                .append("<select id=\"group\" name=\"group\">\n");
        String[][] groups = {
            {"epci", en ? "its EPCI" : "son EPCI"},
            {"departement", en ? "its département" : "son département"},
            {"population-band", en ? "communes of its size (France)" : "les communes de sa taille (France)"},
        };
        for (String[] g : groups) {
            s.append("<option value=\"").append(g[0]).append('"').append(g[0].equals(kind) ? " selected" : "")
                    .append('>').append(g[1]).append("</option>\n");
        }
        s.append("</select>\n<button type=\"submit\">").append(en ? "Show" : "Afficher").append("</button>\n</form>\n");
    }

    private String label(Map<?, ?> indicator) {
        return inLanguage((Map<?, ?>) indicator.get("label"));
    }

    private String inLanguage(Map<?, ?> labels) {
        Object l = labels.get(en ? "en" : "fr");
        return l == null ? String.valueOf(labels.get("fr")) : l.toString();
    }

    private String fmt(Object n) {
        return n == null ? "—" : number.format(((BigDecimal) n).doubleValue());
    }

    /** What the charts show: per 1,000 inhabitants for counts, the value otherwise. */
    private String measure(Map<String, Object> c) {
        boolean per1000 = "per1000".equals(c.get("rankedBy"));
        return per1000 ? (en ? "per 1,000 inhabitants" : "pour 1 000 habitants") : (en ? "value" : "valeur");
    }

    @SuppressWarnings("unchecked")
    private void timeSeries(StringBuilder s, Map<String, Object> c) {
        List<Map<String, Object>> series = (List<Map<String, Object>>) c.get("series");
        Map<String, Object> commune = (Map<String, Object>) c.get("commune");
        Map<String, Object> group = (Map<String, Object>) c.get("group");
        String key = "per1000".equals(c.get("rankedBy")) ? "per1000" : "value";
        String name = (String) commune.get("name");
        String indicator = label((Map<?, ?>) c.get("indicator"));
        s.append("<h3 id=\"series-title\">").append(en ? "Year by year" : "Année par année").append("</h3>\n");
        if (series.isEmpty()) {
            s.append("<p>").append(en ? "No value for this indicator in the group yet."
                    : "Aucune valeur pour cet indicateur dans le groupe pour l'instant.").append("</p>\n");
            return;
        }
        int w = 640;
        int h = 240;
        int left = 56;
        int right = 16;
        int top = 16;
        int bottom = 40;
        double max = 0;
        for (Map<String, Object> p : series) {
            for (String k : List.of(key, "groupQ3", "groupMedian")) {
                if (p.get(k) != null) {
                    max = Math.max(max, ((BigDecimal) p.get(k)).doubleValue());
                }
            }
        }
        max = niceMax(max);
        int n = series.size();
        double step = n == 1 ? 0 : (w - left - right) / (double) (n - 1);
        List<String> mine = new ArrayList<>();
        List<String> median = new ArrayList<>();
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = series.get(i);
            double x = n == 1 ? (left + w - right) / 2.0 : left + i * step;
            if (p.get(key) != null) {
                double y = y(((BigDecimal) p.get(key)).doubleValue(), max, h, top, bottom);
                mine.add(xy(x, y));
                marks.append("<circle cx=\"").append(r1(x)).append("\" cy=\"").append(r1(y))
                        .append("\" r=\"4\" fill=\"").append(COMMUNE).append("\"/>");
            }
            if (p.get("groupMedian") != null) {
                median.add(xy(x, y(((BigDecimal) p.get("groupMedian")).doubleValue(), max, h, top, bottom)));
                upper.add(xy(x, y(((BigDecimal) p.get("groupQ3")).doubleValue(), max, h, top, bottom)));
                lower.add(0, xy(x, y(((BigDecimal) p.get("groupQ1")).doubleValue(), max, h, top, bottom)));
            }
            marks.append("<text x=\"").append(r1(x)).append("\" y=\"").append(h - bottom + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"12\">").append(p.get("year")).append("</text>");
        }
        Map<String, Object> last = series.get(n - 1);
        String values = String.join(", ", series.stream().map(p -> p.get("year") + " " + fmt(p.get(key))).toList());
        String summary = name + ", " + indicator + " (" + measure(c) + (en ? "): " : ") : ") + values + ". "
                + (en ? "Median of the group (" + group.get("name") + ") in " + last.get("year") + ": "
                        : "Médiane du groupe (" + group.get("name") + ") en " + last.get("year") + " : ")
                + fmt(last.get("groupMedian")) + ".";
        s.append("<figure>\n<svg viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"ts-t ts-d\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\">")
                .append("<title id=\"ts-t\">")
                .append(Html.esc((en ? "Time series: " : "Série annuelle : ") + indicator))
                .append("</title><desc id=\"ts-d\">").append(Html.esc(summary)).append("</desc>");
        grid(s, max, w, h, left, right, top, bottom);
        if (!upper.isEmpty()) {
            List<String> band = new ArrayList<>(upper);
            band.addAll(lower);
            s.append("<polygon points=\"").append(String.join(" ", band)).append("\" fill=\"").append(BAND)
                    .append("\"/>");
            s.append("<polyline points=\"").append(String.join(" ", median)).append("\" fill=\"none\" stroke=\"")
                    .append(INK).append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }
        if (!mine.isEmpty()) {
            s.append("<polyline points=\"").append(String.join(" ", mine)).append("\" fill=\"none\" stroke=\"")
                    .append(COMMUNE).append("\" stroke-width=\"3\"/>");
        }
        s.append(marks).append("</svg>\n<figcaption>").append(Html.esc(summary)).append(' ')
                .append(en ? "Solid line with dots: " : "Trait plein avec points : ").append(Html.esc(name))
                .append(en ? "; dashed line: group median; shaded band: first to third quartile."
                        : " ; tirets : médiane du groupe ; bande grisée : du premier au troisième quartile.")
                .append("</figcaption>\n</figure>\n");
        s.append("<div class=\"scroll\" tabindex=\"0\"><table><caption>")
                .append(Html.esc((en ? "Year by year, " : "Année par année, ") + name))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(en ? "Year" : "Année")
                .append("</th><th scope=\"col\">").append(en ? "Value" : "Valeur").append("</th>");
        boolean per1000 = key.equals("per1000");
        if (per1000) {
            s.append("<th scope=\"col\">").append(en ? "Per 1,000 inhabitants" : "Pour 1 000 habitants")
                    .append("</th>");
        }
        s.append("<th scope=\"col\">").append(en ? "Rank" : "Rang").append("</th><th scope=\"col\">")
                .append(en ? "Group median" : "Médiane du groupe").append("</th><th scope=\"col\">")
                .append(en ? "Quartiles" : "Quartiles").append("</th></tr></thead>\n<tbody>\n");
        for (Map<String, Object> p : series) {
            s.append("<tr><th scope=\"row\">").append(p.get("year")).append("</th><td>").append(fmt(p.get("value")))
                    .append("</td>");
            if (per1000) {
                s.append("<td>").append(fmt(p.get("per1000"))).append("</td>");
            }
            s.append("<td>").append(p.get("rank") == null ? "—" : p.get("rank") + " / " + p.get("groupCount"))
                    .append("</td><td>").append(fmt(p.get("groupMedian"))).append("</td><td>")
                    .append(fmt(p.get("groupQ1"))).append(" – ").append(fmt(p.get("groupQ3"))).append("</td></tr>\n");
        }
        s.append("</tbody></table></div>\n");
    }

    @SuppressWarnings("unchecked")
    private void ranking(StringBuilder s, Map<String, Object> c, String communeCode) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) c.get("items");
        Map<String, Object> commune = (Map<String, Object>) c.get("commune");
        Map<String, Object> stats = (Map<String, Object>) c.get("stats");
        Map<String, Object> group = (Map<String, Object>) c.get("group");
        String key = "per1000".equals(c.get("rankedBy")) ? "per1000" : "value";
        s.append("<h3>").append(en ? "Ranking in " : "Classement en ").append(c.get("year")).append(" — ")
                .append(Html.esc(String.valueOf(group.get("name")))).append("</h3>\n");
        if (items.isEmpty()) {
            s.append("<p>").append(en ? "No commune of the group has a value this year."
                    : "Aucune commune du groupe n'a de valeur cette année.").append("</p>\n");
            return;
        }
        List<Map<String, Object>> shown = new ArrayList<>(items.subList(0, Math.min(RANKING_BARS, items.size())));
        items.stream().filter(i -> i.get("code").equals(communeCode) && !shown.contains(i)).forEach(shown::add);
        double max = niceMax(items.stream().mapToDouble(i -> ((BigDecimal) i.get(key)).doubleValue()).max().orElse(0));
        int row = 20;
        int left = 190;
        int w = 640;
        int h = 24 + shown.size() * row;
        String summary = commune.get("rank") == null
                ? (en ? commune.get("name") + " has no value in " + c.get("year") + "."
                        : commune.get("name") + " n'a pas de valeur en " + c.get("year") + ".")
                : (en ? commune.get("name") + " ranks " + commune.get("rank") + " of " + items.size() + " ("
                        + fmt(commune.get(key)) + " " + measure(c) + "); group median " + fmt(stats.get("median"))
                        + ", quartiles " + fmt(stats.get("q1")) + " and " + fmt(stats.get("q3")) + "."
                        : commune.get("name") + " est au rang " + commune.get("rank") + " sur " + items.size() + " ("
                        + fmt(commune.get(key)) + " " + measure(c) + ") ; médiane du groupe " + fmt(stats.get("median"))
                        + ", quartiles " + fmt(stats.get("q1")) + " et " + fmt(stats.get("q3")) + ".");
        s.append("<figure>\n<svg viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"rk-t rk-d\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\">")
                .append("<title id=\"rk-t\">").append(Html.esc(en ? "Ranking" : "Classement")).append("</title>")
                .append("<desc id=\"rk-d\">").append(Html.esc(summary)).append("</desc>");
        for (int i = 0; i < shown.size(); i++) {
            Map<String, Object> item = shown.get(i);
            boolean me = item.get("code").equals(communeCode);
            double v = ((BigDecimal) item.get(key)).doubleValue();
            double len = max == 0 ? 0 : (w - left - 60) * v / max;
            int y = 8 + i * row;
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\" font-size=\"12\"").append(me ? " font-weight=\"700\"" : "")
                    .append('>').append(item.get("rank")).append(". ")
                    .append(Html.esc(shorten((String) item.get("name"))))
                    .append("</text><rect x=\"").append(left).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(r1(Math.max(len, 1))).append("\" height=\"").append(row - 6).append("\" fill=\"")
                    .append(me ? COMMUNE : OTHERS).append("\"/><text x=\"").append(r1(left + len + 4))
                    .append("\" y=\"").append(y + 13).append("\" font-size=\"12\"")
                    .append(me ? " font-weight=\"700\"" : "")
                    .append('>').append(fmt(item.get(key))).append(me ? " ◀" : "").append("</text>");
        }
        if (stats.get("median") != null && max > 0) {
            double x = left + (w - left - 60) * ((BigDecimal) stats.get("median")).doubleValue() / max;
            s.append("<line x1=\"").append(r1(x)).append("\" x2=\"").append(r1(x)).append("\" y1=\"4\" y2=\"")
                    .append(h - 4).append("\" stroke=\"").append(INK).append("\" stroke-dasharray=\"6 4\"/>");
        }
        s.append("</svg>\n<figcaption>").append(Html.esc(summary)).append(' ')
                .append(en ? "Dashed line: group median." : "Tirets : médiane du groupe.");
        if (shown.size() < items.size()) {
            s.append(' ').append(en ? "The first " + RANKING_BARS + " are shown; the CSV has them all."
                    : "Les " + RANKING_BARS + " premières sont affichées ; le CSV les donne toutes.");
        }
        s.append("</figcaption>\n</figure>\n<div class=\"scroll\" tabindex=\"0\"><table><caption>")
                .append(en ? "Ranking" : "Classement")
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(en ? "Rank" : "Rang")
                .append("</th><th scope=\"col\">Commune</th><th scope=\"col\">").append(en ? "Value" : "Valeur")
                .append("</th>");
        if (key.equals("per1000")) {
            s.append("<th scope=\"col\">").append(en ? "Per 1,000 inhabitants" : "Pour 1 000 habitants")
                    .append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (Map<String, Object> item : shown) {
            boolean me = item.get("code").equals(communeCode);
            s.append("<tr").append(me ? " aria-current=\"true\"" : "").append("><td>").append(item.get("rank"))
                    .append("</td><th scope=\"row\">").append(me ? "<strong>" : "").append("<a href=\"/id/commune/")
                    .append(item.get("code")).append(en ? "?lang=en" : "").append("#indicators\">")
                    .append(Html.esc((String) item.get("name"))).append("</a>").append(me ? "</strong>" : "")
                    .append("</th><td>").append(fmt(item.get("value"))).append("</td>");
            if (key.equals("per1000")) {
                s.append("<td>").append(fmt(item.get("per1000"))).append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</tbody></table></div>\n");
    }

    /** The commune's latest value of each indicator, per origin. */
    private void latest(StringBuilder s, List<Map<String, Object>> values) {
        if (values.isEmpty()) {
            return;
        }
        LinkedHashMap<String, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Map<String, Object> v : values) {
            String k = ((Map<?, ?>) v.get("indicator")).get("code") + "|" + v.get("origin");
            Map<String, Object> seen = latest.get(k);
            if (seen == null || (Integer) seen.get("year") < (Integer) v.get("year")) {
                latest.put(k, v);
            }
        }
        s.append("<h3>").append(en ? "Latest values" : "Dernières valeurs")
                .append("</h3>\n<div class=\"scroll\" tabindex=\"0\"><table><caption>")
                .append(en ? "Latest value of each indicator, declared or computed"
                        : "Dernière valeur de chaque indicateur, déclarée ou calculée")
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(en ? "Indicator" : "Indicateur")
                .append("</th><th scope=\"col\">").append(en ? "Year" : "Année").append("</th><th scope=\"col\">")
                .append(en ? "Value" : "Valeur").append("</th><th scope=\"col\">").append(en ? "Origin" : "Origine")
                .append("</th></tr></thead>\n<tbody>\n");
        for (Map<String, Object> v : latest.values()) {
            Map<?, ?> i = (Map<?, ?>) v.get("indicator");
            boolean computed = "computed".equals(v.get("origin"));
            s.append("<tr><th scope=\"row\">").append(i.get("code")).append(" ").append(Html.esc(label(i)))
                    .append("</th><td>").append(v.get("year")).append("</td><td>")
                    .append("boolean".equals(i.get("unit")) ? (((BigDecimal) v.get("value")).signum() == 0
                            ? (en ? "no" : "non") : (en ? "yes" : "oui")) : fmt(v.get("value")))
                    .append("</td><td>").append(computed ? (en ? "computed" : "calculée")
                    : (en ? "declared" : "déclarée"))
                    .append("</td></tr>\n");
        }
        s.append("</tbody></table></div>\n");
    }

    private void grid(StringBuilder s, double max, int w, int h, int left, int right, int top, int bottom) {
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = y(v, max, h, top, bottom);
            s.append("<line x1=\"").append(left).append("\" x2=\"").append(w - right).append("\" y1=\"").append(r1(y))
                    .append("\" y2=\"").append(r1(y)).append("\" stroke=\"#ccd\"/><text x=\"").append(left - 6)
                    .append("\" y=\"").append(r1(y + 4)).append("\" text-anchor=\"end\" font-size=\"12\">")
                    .append(number.format(v)).append("</text>");
        }
    }

    private static double y(double v, double max, int h, int top, int bottom) {
        return max == 0 ? h - bottom : h - bottom - (h - top - bottom) * v / max;
    }

    /** A round upper bound for an axis. */
    static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * magnitude >= max) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String xy(double x, double y) {
        return r1(x) + "," + r1(y);
    }

    private static String r1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String shorten(String name) {
        return name.length() > 26 ? name.substring(0, 25) + "…" : name;
    }
}
