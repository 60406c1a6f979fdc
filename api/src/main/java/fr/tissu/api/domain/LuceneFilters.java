package fr.tissu.api.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;

import fr.tissu.search.Fields;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The shared filters ({@link ActivityFilter}, {@link AssociationFilter}) compiled to Lucene, for search and for
 * {@code q=} on the lists: the same parameters, parsed and checked by the same code, with the same meaning as the
 * in-memory predicate and the SPARQL pattern (a test compares them on the sample).
 */
public final class LuceneFilters {
    private LuceneFilters() {
    }

    /** The conditions of {@code f} except the text ({@code q}, which search scores). */
    public static Query activity(ActivityFilter f) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        anyOf(q, Fields.COMMUNE, f.communes());
        anyOf(q, Fields.THEME, f.themes());
        if (!f.days().isEmpty()) {
            anyOf(q, Fields.DAY, f.days().stream().map(LuceneFilters::day).toList());
        }
        if (f.from() != null) {
            filter(q, IntPoint.newRangeQuery(Fields.START, minutes(f.from()), Integer.MAX_VALUE));
        }
        if (f.to() != null) {
            filter(q, IntPoint.newRangeQuery(Fields.END, Integer.MIN_VALUE, minutes(f.to())));
        }
        if (f.age() != null) {
            filter(q, IntPoint.newRangeQuery(Fields.MIN_AGE, Integer.MIN_VALUE, f.age()));
            filter(q, IntPoint.newRangeQuery(Fields.MAX_AGE, f.age(), Integer.MAX_VALUE));
        }
        if (f.free() != null) {
            if (f.free()) {
                filter(q, new TermQuery(new Term(Fields.FREE, "true")));
            } else {
                q.add(new TermQuery(new Term(Fields.FREE, "true")), BooleanClause.Occur.MUST_NOT);
            }
        }
        if (f.maxPrice() != null) {
            q.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.FREE, "true")), BooleanClause.Occur.SHOULD)
                    .add(DoublePoint.newRangeQuery(Fields.PRICE, Double.NEGATIVE_INFINITY, f.maxPrice().doubleValue()),
                            BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.FILTER);
        }
        if (f.accessible() != null) {
            if (f.accessible()) {
                filter(q, new TermQuery(new Term(Fields.ACCESSIBLE, "true")));
            } else {
                q.add(new TermQuery(new Term(Fields.ACCESSIBLE, "true")), BooleanClause.Occur.MUST_NOT);
            }
        }
        anyOf(q, Fields.LANG, f.languages());
        if (f.near() != null) {
            filter(q, LatLonPoint.newDistanceQuery(Fields.LOCATION, f.near().lat(), f.near().lon(), f.near().radius()));
        }
        if (f.startsAfter() != null || f.startsBefore() != null) {
            filter(q, window(f.startsAfter(), f.startsBefore()));
        }
        if (f.days().isEmpty() && f.from() == null && f.to() == null && f.age() == null && f.free() == null
                && f.maxPrice() == null && f.accessible() == null && f.languages().isEmpty() && f.near() == null
                && f.startsAfter() == null && f.startsBefore() == null) {
            return finish(q);
        }
        // Any activity-only condition keeps activities only.
        filter(q, new TermQuery(new Term(Fields.TYPE, "activity")));
        return finish(q);
    }

    /**
     * The association-only conditions of {@code f} (status, creation dates); commune and theme come from {@link
     * #activity}.
     */
    public static Query association(AssociationFilter f) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        anyOf(q, Fields.COMMUNE, f.communes());
        anyOf(q, Fields.THEME, f.themes());
        if (f.status() != null) {
            filter(q, new TermQuery(new Term(Fields.STATUS, f.status())));
        }
        if (f.createdAfter() != null || f.createdBefore() != null) {
            filter(q, LongPoint.newRangeQuery(Fields.CREATED,
                    f.createdAfter() == null ? Long.MIN_VALUE : f.createdAfter().toEpochDay(),
                    f.createdBefore() == null ? Long.MAX_VALUE : f.createdBefore().toEpochDay()));
        }
        if (f.status() != null || f.createdAfter() != null || f.createdBefore() != null) {
            filter(q, new TermQuery(new Term(Fields.TYPE, "association")));
        }
        return finish(q);
    }

    /**
     * Has an occurrence in the window: the season overlaps it and, for a window shorter than a week, the activity
     * takes place on one of the window's days of the week. (At a season's edge a short window can keep an
     * activity whose weekday falls just outside its season: rare, and the item's nextOccurrence then says so.)
     */
    private static Query window(LocalDate after, LocalDate before) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        if (before != null) {
            q.add(new BooleanQuery.Builder()
                    .add(LongPoint.newRangeQuery(Fields.SEASON_START, Long.MIN_VALUE, before.toEpochDay()),
                            BooleanClause.Occur.SHOULD)
                    .add(missing(Fields.SEASON_START), BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.FILTER);
        }
        if (after != null) {
            q.add(new BooleanQuery.Builder()
                    .add(LongPoint.newRangeQuery(Fields.SEASON_END, after.toEpochDay(), Long.MAX_VALUE),
                            BooleanClause.Occur.SHOULD)
                    .add(missing(Fields.SEASON_END), BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.FILTER);
        }
        LocalDate from = after == null ? LocalDate.now() : after;
        if (before != null && !before.isAfter(from.plusDays(5))) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (LocalDate d = from; !d.isAfter(before); d = d.plusDays(1)) {
                days.add(d.getDayOfWeek());
            }
            anyOf(q, Fields.DAY, days.stream().map(LuceneFilters::day).toList());
        } else {
            // an activity without days never takes place
            anyOf(q, Fields.DAY, Arrays.stream(DayOfWeek.values()).map(LuceneFilters::day).toList());
        }
        return q.build();
    }

    private static Query missing(String field) {
        return new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.SHOULD)
                .add(LongPoint.newRangeQuery(field, Long.MIN_VALUE, Long.MAX_VALUE), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    private static Query finish(BooleanQuery.Builder q) {
        BooleanQuery built = q.build();
        return built.clauses().isEmpty() ? null : built;
    }

    private static void filter(BooleanQuery.Builder q, Query clause) {
        q.add(clause, BooleanClause.Occur.FILTER);
    }

    private static void anyOf(BooleanQuery.Builder q, String field, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD));
        filter(q, any.build());
    }

    private static String day(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
