package fr.tissu.store.read;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.tissu.vocabulary.Vocabulary;

/**
 * A recurring activity, as every protocol and export reads it.
 *
 * @param iri           its URI
 * @param graph         the source graph it is typed in
 * @param key           its key ({@code dct:identifier})
 * @param title         its title
 * @param description   its description, or {@code null}
 * @param organizer     the organising association's URI, or {@code null}
 * @param organizerRna  that association's RNA number, or {@code null}
 * @param organizerName that association's name, or {@code null}
 * @param commune       INSEE code of its commune, or {@code null}
 * @param themes        theme codes, sorted
 * @param audiences     audience codes, sorted
 * @param days          the days of the week it takes place, Monday first
 * @param start         start time, or {@code null}
 * @param end           end time, or {@code null}
 * @param seasonStart   first day of the season, or {@code null}
 * @param seasonEnd     last day of the season, or {@code null}
 * @param minAge        minimum age, or {@code null}
 * @param maxAge        maximum age, or {@code null}
 * @param price         yearly price in euros, or {@code null}
 * @param free          free of charge, or {@code null} when unknown
 * @param accessible    welcomes people with disabilities, or {@code null} when unknown
 * @param languages     language codes, sorted
 * @param registration  registration URL, or {@code null}
 * @param email         contact e-mail, or {@code null}
 * @param telephone     contact telephone, or {@code null}
 * @param place         where it takes place, or {@code null}
 * @param sortTitle     the title folded for sorting ({@link Vocabulary#fold}), computed once here: lists sort and
 *                      page by it on every request
 */
public record Activity(String iri, String graph, String key, String title, String description, String organizer,
                       String organizerRna, String organizerName, String commune, List<String> themes,
                       List<String> audiences, Set<DayOfWeek> days, LocalTime start, LocalTime end,
                       LocalDate seasonStart, LocalDate seasonEnd, Integer minAge, Integer maxAge, BigDecimal price,
                       Boolean free, Boolean accessible, List<String> languages, String registration, String email,
                       String telephone, Place place, String sortTitle) {

    /**
     * Where an activity takes place.
     *
     * @param iri      the place's URI
     * @param name     its name, or {@code null}
     * @param address  its full address, or {@code null}
     * @param street   the street part of its address, or {@code null}
     * @param postCode its postcode, or {@code null}
     * @param lat      latitude, or {@code null}
     * @param lon      longitude, or {@code null}
     */
    public record Place(String iri, String name, String address, String street, String postCode, Double lat,
                        Double lon) {
    }

    /** The first day in {@code [from, to]} (both may be open) when the activity takes place, or {@code null}. */
    public LocalDate firstOccurrence(LocalDate from, LocalDate to) {
        LocalDate first = later(from, seasonStart);
        LocalDate last = earlier(to, seasonEnd);
        if (first == null) {
            first = LocalDate.now();
        }
        for (int i = 0; i < 7; i++) {
            LocalDate day = first.plusDays(i);
            if (last != null && day.isAfter(last)) {
                return null;
            }
            if (days.contains(day.getDayOfWeek())) {
                return day;
            }
        }
        return null;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }

    /**
     * The same records with their title, organiser, commune and season only (the rest empty or {@code null}): what
     * the computed indicators read of every activity, without the twenty optional parts of {@link #PROJECTION} that
     * made that read take most of their time (18.7 s for 40,000 activities, of 19.3 s). The season is bound as in the
     * full projection: only for a schedule with its hours.
     */
    public static final Projection<Activity> SEASONS = new Projection<>("?s a tissu:Activity", """
              ?s dct:identifier ?id ; schema:name ?title .
              OPTIONAL { ?s schema:organizer ?org }
              OPTIONAL { ?s tissu:commune ?commune }
              OPTIONAL { ?s schema:eventSchedule ?sch . ?sch schema:startTime ?start ; schema:endTime ?end
                         OPTIONAL { ?sch schema:startDate ?sd } OPTIONAL { ?sch schema:endDate ?ed } }
            """) {
        @Override
        protected Activity build(String iri, String graph, Bindings b) {
            return new Activity(iri, graph, b.text("id"), b.text("title"), null, b.iri("org"), null, null,
                    b.code("commune"), List.of(), List.of(), Set.of(), null, null, b.date("sd"), b.date("ed"), null,
                    null, null, null, null, List.of(), null, null, null, null, Vocabulary.fold(b.text("title")));
        }
    };

    /** The one projection of activities. */
    public static final Projection<Activity> PROJECTION = new Projection<>("?s a tissu:Activity", """
              ?s dct:identifier ?id ; schema:name ?title .
              OPTIONAL { ?s schema:organizer ?org OPTIONAL { ?org schema:name ?orgName }
                         OPTIONAL { ?org dct:identifier ?orgId } }
              OPTIONAL { ?s tissu:commune ?commune }
              OPTIONAL { ?s schema:eventSchedule ?sch . ?sch schema:startTime ?start ; schema:endTime ?end
                         OPTIONAL { ?sch schema:byDay ?day } OPTIONAL { ?sch schema:startDate ?sd }
                         OPTIONAL { ?sch schema:endDate ?ed } }
              OPTIONAL { ?s schema:audience/schema:suggestedMinAge ?min }
              OPTIONAL { ?s schema:audience/schema:suggestedMaxAge ?max }
              OPTIONAL { ?s dct:audience ?aud }
              OPTIONAL { ?s schema:offers/schema:price ?price }
              OPTIONAL { ?s schema:offers/schema:url ?registration }
              OPTIONAL { ?s schema:isAccessibleForFree ?free }
              OPTIONAL { ?s tissu:accessible ?acc }
              OPTIONAL { ?s dct:subject ?theme }
              OPTIONAL { ?s schema:inLanguage ?lang }
              OPTIONAL { ?s dct:description ?description }
              OPTIONAL { ?s schema:email ?email }
              OPTIONAL { ?s schema:telephone ?telephone }
              OPTIONAL { ?s schema:location ?p OPTIONAL { ?p schema:name ?place }
                         OPTIONAL { ?p geo:lat ?lat ; geo:long ?lon }
                         OPTIONAL { ?p locn:address ?adr OPTIONAL { ?adr locn:fullAddress ?address }
                                    OPTIONAL { ?adr locn:thoroughfare ?street }
                                    OPTIONAL { ?adr locn:postCode ?postCode } } }
            """) {
        @Override
        protected Activity build(String iri, String graph, Bindings b) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : b.codes("day")) {
                days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
            }
            String placeIri = b.iri("p");
            Place place = placeIri == null ? null : new Place(placeIri, b.text("place"), b.text("address"),
                    b.text("street"), b.text("postCode"), b.number("lat"), b.number("lon"));
            List<String> languages = b.texts("lang").stream().sorted().toList();
            return new Activity(iri, graph, b.text("id"), b.text("title"), b.text("description"), b.iri("org"),
                    b.text("orgId"), b.text("orgName"), b.code("commune"), b.codes("theme"), b.codes("aud"),
                    Collections.unmodifiableSet(days), b.time("start"),
                    b.time("end"), b.date("sd"), b.date("ed"), b.integer("min"), b.integer("max"),
                    b.decimal("price"), b.bool("free"), b.bool("acc"), languages, b.text("registration"),
                    b.text("email"), b.text("telephone"), place, Vocabulary.fold(b.text("title")));
        }
    };
}
