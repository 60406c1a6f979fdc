package fr.tissu.api.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.search.Geo;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ActivitySnapshot;
import fr.tissu.vocabulary.Vocabulary;

/**
 * The activity filters of the REST list (and, later, of search and GraphQL): every condition given must hold.
 *
 * @param communes     INSEE codes (any of)
 * @param themes       theme codes, each with its sub-themes (any of)
 * @param days         days of the week (any of)
 * @param from         starts at or after this time
 * @param to           ends at or before this time
 * @param age          the audience's age range includes it
 * @param free         free ({@code true}) or paid ({@code false})
 * @param maxPrice     free, or at most this price
 * @param accessible   welcomes people with disabilities
 * @param languages    language codes (any of)
 * @param near         within {@code radius} metres of this point
 * @param words        folded words that must all appear
 * @param startsAfter  has an occurrence on or after this day
 * @param startsBefore has an occurrence on or before this day
 * @param matches      keys of the activities the search index matches for {@code q}, or {@code null} to match
 *                     {@code words} against the folded text instead
 */
public record ActivityFilter(Set<String> communes, Set<String> themes, EnumSet<DayOfWeek> days, LocalTime from,
                             LocalTime to, Integer age, Boolean free, BigDecimal maxPrice, Boolean accessible,
                             Set<String> languages, Circle near, List<String> words, LocalDate startsAfter,
                             LocalDate startsBefore, Set<String> matches)
        implements Predicate<Activity> {

    /** The parameters that are filters, as their names appear in the REST API. */
    public static final Set<String> PARAMETERS = Set.of("commune", "epci", "theme", "day", "from", "to", "age",
            "free", "max-price", "accessible", "lang", "near", "radius", "q", "starts-after", "starts-before", "when");

    /** A point and a radius in metres. */
    public record Circle(double lat, double lon, double radius) {
        /** Great-circle distance from the centre, in metres. */
        public double distance(double lat2, double lon2) {
            return Geo.distance(lat, lon, lat2, lon2);
        }

        /** Whether a point lies within the circle (a latitude band is checked first: it rules most points out). */
        public boolean contains(double lat2, double lon2) {
            return Math.abs(lat2 - lat) * 111_000 <= radius && distance(lat2, lon2) <= radius;
        }
    }

    /** Reads and checks the filter parameters; {@code today} anchors {@code when=}. */
    public static ActivityFilter parse(Params p, LocalDate today) {
        Set<String> communes = p.communes();
        Set<String> themes = new HashSet<>();
        for (String theme : p.all("theme")) {
            themes.addAll(Themes.withDescendants(theme)
                    .orElseThrow(() -> new BadParameterException("theme", "unknown theme '" + theme + "'")));
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : p.all("day")) {
            days.add(day(day));
        }
        Circle near = p.circle();
        LocalDate after = p.date("starts-after");
        LocalDate before = p.date("starts-before");
        String when = p.one("when");
        if (when != null) {
            switch (when) {
                case "upcoming" -> after = today;
                case "ongoing" -> {
                    after = today;
                    before = today.plusDays(6);
                }
                case "past" -> before = today.minusDays(1);
                default -> throw new BadParameterException("when", "expected upcoming, ongoing or past");
            }
        }
        if (after != null && before != null && after.isAfter(before)) {
            throw new BadParameterException("starts-before", "comes before starts-after");
        }
        Integer age = p.one("age") == null ? null : p.integer("age", 0, 0, 120);
        Set<String> languages = new HashSet<>(p.all("lang").stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
        List<String> words = p.words("q");
        return new ActivityFilter(communes, themes, days, p.time("from"), p.time("to"), age, p.bool("free"),
                p.decimal("max-price"), p.bool("accessible"), languages, near, words, after, before, null);
    }

    @Override
    public boolean test(Activity a) {
        return (communes.isEmpty() || communes.contains(a.commune()))
                && (themes.isEmpty() || anyOf(a.themes(), themes))
                && (days.isEmpty() || anyOf(a.days(), days))
                && (from == null || !a.start().isBefore(from))
                && (to == null || !a.end().isAfter(to))
                && (age == null || ((a.minAge() == null || a.minAge() <= age)
                && (a.maxAge() == null || a.maxAge() >= age)))
                && (free == null || free.equals(Boolean.TRUE.equals(a.free())))
                && (maxPrice == null || Boolean.TRUE.equals(a.free())
                    || (a.price() != null && a.price().compareTo(maxPrice) <= 0))
                && (accessible == null || accessible.equals(Boolean.TRUE.equals(a.accessible())))
                && (languages.isEmpty() || a.languages().stream().anyMatch(languages::contains))
                && (near == null || (lat(a) != null && near.contains(lat(a), a.place().lon())))
                && (matches != null ? matches.contains(a.key()) : words.isEmpty())
                && ((startsAfter == null && startsBefore == null) || a.firstOccurrence(startsAfter,
                startsBefore) != null);
    }

    /** This filter with {@code q} answered by the search index: {@code keys} are the activities it matched. */
    public ActivityFilter withMatches(Set<String> keys) {
        return new ActivityFilter(communes, themes, days, from, to, age, free, maxPrice, accessible, languages, near,
                words, startsAfter, startsBefore, Set.copyOf(keys));
    }

    /**
     * The activities of {@code snapshot} this filter keeps, in title order. Only the rows that can match are read:
     * those of the smallest posting list among the communes, themes and grid cells asked for.
     */
    public List<Activity> in(ActivitySnapshot snapshot) {
        int[] candidates = null;
        if (!communes.isEmpty()) {
            candidates = ActivitySnapshot.union(communes, snapshot.byCommune());
        }
        if (!themes.isEmpty()) {
            int[] themed = ActivitySnapshot.union(themes, snapshot.byTheme());
            candidates = candidates == null || themed.length < candidates.length ? themed : candidates;
        }
        if (near != null) {
            int[] around = snapshot.around(near.lat(), near.lon(), near.radius());
            candidates = candidates == null || around.length < candidates.length ? around : candidates;
        }
        List<Activity> out = new ArrayList<>();
        if (candidates == null) {
            for (Activity a : snapshot.rows()) {
                if (test(a)) {
                    out.add(a);
                }
            }
        } else {
            for (int position : candidates) {
                Activity a = snapshot.rows().get(position);
                if (test(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The latitude of an activity's place, or {@code null}. */
    public static Double lat(Activity a) {
        return a.place() == null ? null : a.place().lat();
    }

    private static <T> boolean anyOf(Collection<T> values, Set<T> wanted) {
        for (T v : values) {
            if (wanted.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static DayOfWeek day(String value) {
        return switch (Vocabulary.fold(value)) {
            case "mo", "mon", "monday", "lun", "lundi" -> DayOfWeek.MONDAY;
            case "tu", "tue", "tuesday", "mar", "mardi" -> DayOfWeek.TUESDAY;
            case "we", "wed", "wednesday", "mer", "mercredi" -> DayOfWeek.WEDNESDAY;
            case "th", "thu", "thursday", "jeu", "jeudi" -> DayOfWeek.THURSDAY;
            case "fr", "fri", "friday", "ven", "vendredi" -> DayOfWeek.FRIDAY;
            case "sa", "sat", "saturday", "sam", "samedi" -> DayOfWeek.SATURDAY;
            case "su", "sun", "sunday", "dim", "dimanche" -> DayOfWeek.SUNDAY;
            default -> throw new BadParameterException("day", "unknown day '" + value
                    + "' (mon…sun or lundi…dimanche)");
        };
    }
}
