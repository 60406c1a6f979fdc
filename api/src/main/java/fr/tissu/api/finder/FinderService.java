package fr.tissu.api.finder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.ActivityListing;
import fr.tissu.api.domain.Params;
import fr.tissu.api.html.ThingPage;
import fr.tissu.api.http.SecurityHeaders;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ReferenceData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The residents' finder, {@code GET /trouver}: a plain GET form (words, where, how far, theme, age, days, time of
 * day, price, accessibility, language) and the activities it finds, as cards, with counts beside the filters and
 * paging. Server-rendered, no script; the URL is the whole state. The filtering is the REST API's
 * ({@link ActivityFilter}, {@link ActivityListing}): the form's fields are translated into its parameters.
 *
 * <p>Example: {@code /trouver?theme=judo&age=8&day=wed&where=Rennes&within=10}
 */
public final class FinderService implements HttpService {
    /** The finder's path. */
    public static final String PATH = "/trouver";
    static final Set<String> FIELDS = Set.of("q", "where", "within", "theme", "age", "day", "time", "free",
            "max-price", "accessible", "language", "week", "epci", "page", "lang");
    /** The widget's path: a page made to be framed by other sites (the commune's own), showing a search's first
     * results. */
    public static final String WIDGET = "/widget";
    /** The widget's own fields, beside the finder's. */
    static final Set<String> WIDGET_FIELDS = Set.of("limit", "accent", "title");
    static final int PER_PAGE = 20;

    private final Instance tissu;

    /** The finder over {@code tissu}'s activities. */
    public FinderService(Instance tissu) {
        this.tissu = tissu;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::find);
        rules.get(WIDGET, this::widget);
    }

    /**
     * The widget: the first {@code limit} (1 to 20, default 5) activities of a finder search, as cards whose links
     * open Tissu in a new tab, with a link to all of them in the finder; {@code accent} (a colour, {@code RRGGBB})
     * and {@code title} fit it to the framing site. Any site may frame it ({@code frame-ancestors *}): it is public,
     * read-only and takes no input but its URL.
     */
    private void widget(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Map<String, List<String>> own = new HashMap<>();
        for (String name : req.query().names()) {
            (WIDGET_FIELDS.contains(name) ? own : raw).put(name, req.query().all(name));
        }
        WidgetPage page = new WidgetPage(lang);
        String html;
        try {
            Params settings = new Params(own, WIDGET_FIELDS);
            int limit = settings.integer("limit", WidgetPage.DEFAULT_LIMIT, 1, WidgetPage.MAX_LIMIT);
            String accent = WidgetPage.accent(settings.one("accent"));
            html = page.render(search(raw, limit), accent, settings.one("title"));
        } catch (BadParameterException e) {
            res.status(Status.BAD_REQUEST_400);
            html = page.renderError(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-cache")
                .send(SecurityHeaders.framable(res, html).getBytes(StandardCharsets.UTF_8));
    }

    private void find(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (String name : req.query().names()) {
            raw.put(name, req.query().all(name));
        }
        FinderPage page = new FinderPage(lang, tissu.config().dataLicense());
        String html;
        try {
            html = page.render(search(raw, PER_PAGE));
        } catch (BadParameterException e) {
            res.status(Status.BAD_REQUEST_400);
            html = page.renderError(raw, e);
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-cache")
                .send(SecurityHeaders.policy(res, html).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a search, {@code perPage} results a page: the form's state, the matches in order, the counts beside the
     * filters. */
    Search search(Map<String, List<String>> raw, int perPage) {
        Form form = Form.read(raw);
        LocalDate today = LocalDate.now();
        Map<String, List<String>> rest = form.restParameters(Set.of());
        ActivityFilter filter = ActivityFilter.parse(new Params(rest, ActivityFilter.PARAMETERS), today);
        var text = ActivityListing.withText(tissu.index(), filter, form.q());
        Map<String, Float> scores = text.getValue();
        Set<String> textKeys = form.q() == null || filter.words().isEmpty() ? null : scores.keySet();
        List<Activity> matching = text.getKey().in(tissu.model().activities());
        String sort = filter.near() != null ? "distance" : !scores.isEmpty() ? "relevance" : "title";
        List<Activity> sorted = ActivityListing.sorted(matching, filter, sort, scores).rows();
        int pages = Math.max(1, (sorted.size() + perPage - 1) / perPage);
        int page = Math.min(form.page(), pages);
        List<Activity> shown = sorted.subList((page - 1) * perPage, Math.min(sorted.size(), page * perPage));
        Counts counts = new Counts(
                relaxed(form, "day", textKeys, today, matching),
                relaxed(form, "theme", textKeys, today, matching),
                relaxed(form, "free", textKeys, today, matching),
                relaxed(form, "accessible", textKeys, today, matching),
                relaxed(form, "language", textKeys, today, matching));
        Map<String, Integer> suggestions = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            for (String field : form.active()) {
                suggestions.put(field, relaxed(form, field, textKeys, today, matching).size());
            }
        }
        return new Search(form, filter, sorted.size(), page, pages, shown, counts, suggestions, today);
    }

    /**
     * The matches with one field of the form left out (for the counts beside it): {@code matching}, the search's
     * own matches, when that field is not set; the words' matches ({@code textKeys}) are reused, not searched again.
     */
    private List<Activity> relaxed(Form form, String field, Set<String> textKeys, LocalDate today,
                                   List<Activity> matching) {
        if (!form.values().containsKey(field)) {
            return matching;
        }
        Map<String, List<String>> rest = form.restParameters(Set.of(field));
        ActivityFilter filter = ActivityFilter.parse(new Params(rest, ActivityFilter.PARAMETERS), today);
        if (textKeys != null && !field.equals("q")) {
            filter = filter.withMatches(textKeys);
        }
        return filter.in(tissu.model().activities());
    }

    /** The counts beside the filters: each the matches with that filter left out. */
    record Counts(List<Activity> byDay, List<Activity> byTheme, List<Activity> byFree, List<Activity> byAccessible,
                  List<Activity> byLanguage) {
    }

    /**
     * One search.
     *
     * @param form        what was asked
     * @param filter      the filter it became
     * @param total       how many activities match
     * @param page        the page shown (from 1)
     * @param pages       how many pages
     * @param shown       the activities on this page
     * @param counts      the lists the counts beside the filters are taken from
     * @param suggestions without results: for each filter set, how many activities match without it
     * @param today       the day the search ran
     */
    record Search(Form form, ActivityFilter filter, int total, int page, int pages, List<Activity> shown,
                  Counts counts, Map<String, Integer> suggestions, LocalDate today) {
    }

    /**
     * What the form asked, as typed, with the commune "where" names.
     *
     * @param values  each field's values
     * @param commune the commune "where" names (the most populous of those it may name), or {@code null}
     * @param others  the other communes "where" may name
     */
    record Form(Map<String, List<String>> values, ReferenceData.Commune commune, List<ReferenceData.Commune> others) {

        static Form read(Map<String, List<String>> raw) {
            Map<String, List<String>> values = new HashMap<>();
            raw.forEach((name, list) -> {
                if (!FIELDS.contains(name)) {
                    throw new BadParameterException(name, "unknown field");
                }
                List<String> kept = list.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
                if (!kept.isEmpty()) {
                    values.put(name, kept);
                }
            });
            ReferenceData.Commune commune = null;
            List<ReferenceData.Commune> others = List.of();
            String where = one(values, "where");
            if (where != null) {
                List<ReferenceData.Commune> found = Where.get().resolve(where);
                if (found.isEmpty()) {
                    throw new BadParameterException("where", "no commune is named or numbered '" + where + "'");
                }
                commune = found.get(0);
                others = found.subList(1, Math.min(found.size(), 8));
            }
            Form form = new Form(values, commune, others);
            form.page();
            form.epci();
            return form;
        }

        private static String one(Map<String, List<String>> values, String name) {
            List<String> v = values.getOrDefault(name, List.of());
            if (v.size() > 1) {
                throw new BadParameterException(name, "give it once");
            }
            return v.isEmpty() ? null : v.get(0);
        }

        String one(String name) {
            return one(values, name);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        String q() {
            return one("q");
        }

        int page() {
            String p = one("page");
            if (p == null) {
                return 1;
            }
            try {
                int n = Integer.parseInt(p);
                if (n < 1 || n > 100_000) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new BadParameterException("page", "expected a page number, not '" + p + "'");
            }
        }

        /** The EPCI ({@code epci}: its SIREN) the search is kept within, or {@code null}. */
        ReferenceData.Epci epci() {
            String siren = one("epci");
            return siren == null ? null : ReferenceData.get().epci(siren).orElseThrow(() ->
                    new BadParameterException("epci", "no EPCI has the SIREN '" + siren + "'"));
        }

        /** Only the activities with a session in the next seven days ({@code week=true}). */
        boolean week() {
            String w = one("week");
            if (w == null || w.equals("false")) {
                return false;
            }
            if (!w.equals("true")) {
                throw new BadParameterException("week", "expected true or false");
            }
            return true;
        }

        /** The distance around the commune, in km (0: within the commune). */
        int within() {
            String w = one("within");
            if (w == null) {
                return 0;
            }
            return switch (w) {
                case "0", "2", "5", "10", "20", "50" -> Integer.parseInt(w);
                default -> throw new BadParameterException("within", "expected 0, 2, 5, 10, 20 or 50 km");
            };
        }

        /** The filters set, in the form's order (the ones a "no result" page offers to drop). */
        List<String> active() {
            List<String> set = new ArrayList<>();
            for (String f : List.of("q", "where", "theme", "age", "day", "time", "free", "max-price", "accessible",
                    "language", "week", "epci")) {
                if (values.containsKey(f)) {
                    set.add(f);
                }
            }
            return set;
        }

        /** The REST API's parameters for this form, {@code without} some of its fields; upcoming activities only. */
        Map<String, List<String>> restParameters(Set<String> without) {
            Map<String, List<String>> p = new HashMap<>();
            p.put("when", List.of(!without.contains("week") && week() ? "ongoing" : "upcoming"));
            for (String f : List.of("q", "theme", "age", "day", "free", "max-price", "accessible", "epci")) {
                if (!without.contains(f) && values.containsKey(f)) {
                    p.put(f, values.get(f));
                }
            }
            if (!without.contains("language") && values.containsKey("language")) {
                p.put("lang", values.get("language"));
            }
            if (!without.contains("time") && one("time") != null) {
                switch (one("time")) {
                    case "morning" -> p.put("to", List.of("12:00"));
                    case "afternoon" -> {
                        p.put("from", List.of("12:00"));
                        p.put("to", List.of("18:00"));
                    }
                    case "evening" -> p.put("from", List.of("18:00"));
                    default -> throw new BadParameterException("time", "expected morning, afternoon or evening");
                }
            }
            if (!without.contains("where") && commune != null) {
                int km = within();
                double[] centre = km > 0 ? Where.centre(commune.code()) : null;
                if (centre != null) {
                    p.put("near", List.of(centre[0] + "," + centre[1]));
                    p.put("radius", List.of(Integer.toString(km * 1000)));
                } else {
                    p.put("commune", List.of(commune.code()));
                }
            }
            return p;
        }
    }
}
