package fr.tissu.api.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.api.domain.ActivityListing;
import fr.tissu.api.domain.AssociationFilter;
import fr.tissu.api.domain.LuceneFilters;
import fr.tissu.api.domain.Params;
import fr.tissu.search.Fields;
import fr.tissu.search.SearchRequest;
import fr.tissu.search.SearchResult;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ActivitySnapshot;
import fr.tissu.store.read.Cursor;
import fr.tissu.store.read.SupportPoint;
import graphql.schema.DataFetchingEnvironment;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The paged lists of the schema ({@code activities}, {@code associations}, {@code supportPoints}, {@code search}),
 * with the REST lists' filters and order, and their pages.
 */
final class Connections {
    /** A page of a connection. */
    record Page(int totalCount, List<?> nodes, PageInfo pageInfo) {
    }

    /** Whether a page has a next one, and the cursor to get it. */
    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    private final Instance tissu;

    Connections(Instance tissu) {
        this.tissu = tissu;
    }

    /** Activities of a commune, of an organiser, or all, with the REST list's filter and order. */
    Page activities(DataFetchingEnvironment env, String commune, String organizer) {
        Params params = activityParams(env.getArgument("filter"), commune);
        ActivityFilter filter = ActivityFilter.parse(params, LocalDate.now());
        var text = ActivityListing.withText(tissu.index(), filter, params.one("q"));
        filter = text.getKey();
        String order = env.getArgument("orderBy") == null ? "TITLE" : env.getArgument("orderBy").toString();
        String sort = switch (order) {
            case "START" -> "start";
            case "PRICE" -> "price";
            case "DISTANCE" -> "distance";
            default -> "title";
        };
        if (sort.equals("distance") && filter.near() == null) {
            throw new BadParameterException("orderBy", "DISTANCE needs filter.near");
        }
        ActivitySnapshot snapshot = tissu.model().activities();
        ActivityFilter f = filter;
        // an organiser's activities: from its own list (in title order), not by scanning every activity
        List<Activity> matching = organizer == null ? filter.in(snapshot)
                : snapshot.byOrganizer().getOrDefault(organizer, List.of()).stream().filter(f)
                        .collect(Collectors.toCollection(ArrayList::new));
        ActivityListing.Sorted scoped = ActivityListing.sorted(matching, filter, sort, text.getValue());
        List<Activity> rows = scoped.rows();
        int first = first(env);
        String after = env.getArgument("after");
        int start = scoped.startAfter(after);
        int end = Math.min(rows.size(), start + first);
        boolean more = end < rows.size();
        return new Page(rows.size(), rows.subList(start, end), new PageInfo(more, end > start ? scoped.cursor(end - 1)
                : null));
    }

    /** Associations from the search index (filters compiled to Lucene), details in one batched store query. */
    CompletableFuture<Page> associations(DataFetchingEnvironment env, String commune) {
        Map<String, Object> input = env.getArgument("filter") == null ? Map.of() : env.getArgument("filter");
        Map<String, List<String>> raw = new LinkedHashMap<>();
        put(raw, "theme", input.get("themes"));
        put(raw, "status", input.get("status"));
        put(raw, "created-after", input.get("createdAfter"));
        put(raw, "created-before", input.get("createdBefore"));
        put(raw, "q", input.get("q"));
        put(raw, "commune", commune);
        AssociationFilter filter = AssociationFilter.parse(new Params(raw, AssociationFilter.PARAMETERS));
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, "association")), BooleanClause.Occur.FILTER);
        Query compiled = LuceneFilters.association(filter);
        if (compiled != null) {
            q.add(compiled, BooleanClause.Occur.FILTER);
        }
        SearchResult found = search(new SearchRequest(raw.containsKey("q") ? raw.get("q").get(0) : "", q.build(),
                first(env), env.getArgument("after"), null, false, List.of(), false, true));
        List<String> iris = found.hits().stream().map(SearchResult.Hit::uri).toList();
        return Loaders.associations(env).loadMany(iris).thenApply(nodes -> new Page((int) found.total(),
                nodes.stream().filter(Objects::nonNull).toList(),
                new PageInfo(found.next() != null, found.next())));
    }

    Page supportPoints(DataFetchingEnvironment env, List<String> communes) {
        List<SupportPoint> all = tissu.model().supportPoints().items().stream().filter(p -> communes == null
                || communes.contains(p.commune())).toList();
        List<String> after = Params.after(env.getArgument("after"), 1);
        int start = Cursor.startAfter(all, SupportPoint::key, Comparator.naturalOrder(), after == null ? null
                : after.get(0));
        int end = Math.min(all.size(), start + first(env));
        String cursor = end > start ? Cursor.of(all.get(end - 1).key()) : null;
        return new Page(all.size(), all.subList(start, end), new PageInfo(end < all.size(), cursor));
    }

    CompletableFuture<Page> search(DataFetchingEnvironment env) {
        List<String> types = env.getArgument("types") == null ? List.of() : ((List<?>) env.getArgument("types"))
                .stream().map(o -> o.toString().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        Params params = activityParams(env.getArgument("filter"), null);
        ActivityFilter filter = ActivityFilter.parse(params, LocalDate.now());
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        if (!types.isEmpty()) {
            BooleanQuery.Builder t = new BooleanQuery.Builder();
            types.forEach(type -> t.add(new TermQuery(new Term(Fields.TYPE, type)), BooleanClause.Occur.SHOULD));
            q.add(t.build(), BooleanClause.Occur.FILTER);
            any = true;
        }
        Query compiled = LuceneFilters.activity(filter);
        if (compiled != null) {
            q.add(compiled, BooleanClause.Occur.FILTER);
            any = true;
        }
        Query combined = any ? q.build() : null;
        SearchResult found = search(new SearchRequest(env.getArgument("q"), combined, first(env),
                env.getArgument("after"), null, false, List.of(), false, true));
        return CompletableFuture.completedFuture(new Page((int) found.total(), found.hits(),
                new PageInfo(found.next() != null, found.next())));
    }

    /** GraphQL's activity filter input as the REST parameters, for the shared parser. */
    private static Params activityParams(Map<String, Object> input, String commune) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        if (input != null) {
            put(raw, "commune", input.get("communes"));
            put(raw, "epci", input.get("epcis"));
            put(raw, "theme", input.get("themes"));
            put(raw, "day", input.get("days"));
            put(raw, "from", input.get("from"));
            put(raw, "to", input.get("to"));
            put(raw, "age", input.get("age"));
            put(raw, "free", input.get("free"));
            put(raw, "max-price", input.get("maxPrice"));
            put(raw, "accessible", input.get("accessible"));
            put(raw, "lang", input.get("languages"));
            put(raw, "q", input.get("q"));
            put(raw, "starts-after", input.get("startsAfter"));
            put(raw, "starts-before", input.get("startsBefore"));
            if (input.get("near") instanceof Map<?, ?> near) {
                put(raw, "near", near.get("lat") + "," + near.get("lon"));
                put(raw, "radius", near.get("radius"));
            }
        }
        if (commune != null) {
            raw.computeIfAbsent("commune", k -> new ArrayList<>()).clear();
            raw.get("commune").add(commune);
        }
        return new Params(raw, ActivityFilter.PARAMETERS);
    }

    private static void put(Map<String, List<String>> raw, String name, Object value) {
        if (value instanceof List<?> list) {
            if (!list.isEmpty()) {
                raw.put(name, new ArrayList<>(list.stream().map(String::valueOf).toList()));
            }
        } else if (value != null) {
            raw.put(name, new ArrayList<>(List.of(value instanceof Double d && d == Math.rint(d)
                    ? Long.toString(d.longValue()) : String.valueOf(value))));
        }
    }

    /** A search on the index; a cursor it does not recognise is a bad {@code after}. */
    private SearchResult search(SearchRequest request) {
        try {
            return tissu.index().search(request);
        } catch (SearchRequest.BadCursor e) {
            throw new BadParameterException("after", "not a cursor of this connection");
        }
    }

    static int first(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        if (first == null) {
            return 20;
        }
        if (first < 0 || first > GraphQlEngine.MAX_FIRST) {
            throw new BadParameterException("first", "between 0 and " + GraphQlEngine.MAX_FIRST
                    + " (limit: maximum first)");
        }
        return first;
    }
}
