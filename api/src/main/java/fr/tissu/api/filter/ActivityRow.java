package fr.tissu.api.filter;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * One activity as the list endpoints and filters see it: a projection of the store, one per activity.
 *
 * @param iri         the activity's URI
 * @param id          its key ({@code dct:identifier})
 * @param title       its name
 * @param organizer   the organising association's URI
 * @param organizerName the association's name, or {@code null}
 * @param commune     INSEE code of its commune
 * @param themes      codes of its themes
 * @param days        days of the week it takes place
 * @param start       start time
 * @param end         end time
 * @param seasonStart first day of the season, or {@code null}
 * @param seasonEnd   last day of the season, or {@code null}
 * @param minAge      minimum age, or {@code null}
 * @param maxAge      maximum age, or {@code null}
 * @param price       yearly price in euros, or {@code null}
 * @param free        free of charge, or {@code null} when unknown
 * @param accessible  welcomes people with disabilities, or {@code null} when unknown
 * @param languages   language codes
 * @param placeName   name of its place, or {@code null}
 * @param lat         latitude, or {@code null}
 * @param lon         longitude, or {@code null}
 * @param text        folded words for {@code q} (title, organiser, place)
 * @param folded      the title folded (lower case, no accents): the title sort key
 */
public record ActivityRow(String iri, String id, String title, String organizer, String organizerName,
                          String commune, Set<String> themes, EnumSet<DayOfWeek> days, LocalTime start,
                          LocalTime end, LocalDate seasonStart, LocalDate seasonEnd, Integer minAge, Integer maxAge,
                          BigDecimal price, Boolean free, Boolean accessible, Set<String> languages, String placeName,
                          Double lat, Double lon, String text, String folded) {

    /** The first day in {@code [from, to]} (both may be open) when the activity takes place, or {@code null}. */
    public LocalDate firstOccurrence(LocalDate from, LocalDate to) {
        LocalDate first = max(from, seasonStart);
        LocalDate last = min(to, seasonEnd);
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

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }
}
