package fr.tissu.api.html;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.ReferenceData;

/**
 * schema.org markup for search engines, as a JSON-LD block in a human page: an activity is an {@code EventSeries}
 * whose {@code eventSchedule} says the days and hours of its season, at a {@code Place} with its address and
 * coordinates, organised by an {@code Organization}, with its price as an {@code Offer}. Only what the data says is
 * written (no guessed value); the block is data, never run, so the page's Content-Security-Policy is not concerned.
 */
public final class SchemaOrg {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "https://schema.org/";

    private SchemaOrg() {
    }

    /** The JSON-LD block of an activity's page. */
    public static String activity(Activity a) {
        Map<String, Object> event = node("EventSeries");
        event.put("@id", a.iri());
        event.put("url", a.iri());
        put(event, "name", a.title());
        put(event, "description", a.description());
        put(event, "startDate", a.seasonStart() == null ? null : a.seasonStart().toString());
        put(event, "endDate", a.seasonEnd() == null ? null : a.seasonEnd().toString());
        event.put("eventAttendanceMode", SCHEMA + "OfflineEventAttendanceMode");
        event.put("eventStatus", SCHEMA + "EventScheduled");
        if (!a.days().isEmpty() || a.start() != null) {
            Map<String, Object> schedule = node("Schedule");
            if (!a.days().isEmpty()) {
                schedule.put("byDay", a.days().stream().map(SchemaOrg::day).toList());
                schedule.put("repeatFrequency", "P1W");
            }
            put(schedule, "startTime", a.start() == null ? null : a.start().toString());
            put(schedule, "endTime", a.end() == null ? null : a.end().toString());
            put(schedule, "startDate", a.seasonStart() == null ? null : a.seasonStart().toString());
            put(schedule, "endDate", a.seasonEnd() == null ? null : a.seasonEnd().toString());
            schedule.put("scheduleTimezone", "Europe/Paris");
            event.put("eventSchedule", schedule);
        }
        Map<String, Object> place = place(a);
        if (place != null) {
            event.put("location", place);
        }
        if (a.organizerName() != null) {
            Map<String, Object> organizer = node("Organization");
            put(organizer, "@id", a.organizer());
            put(organizer, "url", a.organizer());
            organizer.put("name", a.organizerName());
            event.put("organizer", organizer);
        }
        if (Boolean.TRUE.equals(a.free())) {
            event.put("isAccessibleForFree", true);
        }
        if (a.price() != null || Boolean.TRUE.equals(a.free())) {
            Map<String, Object> offer = node("Offer");
            offer.put("price", a.price() != null ? a.price().toPlainString() : "0");
            offer.put("priceCurrency", "EUR");
            put(offer, "url", a.registration() != null && a.registration().startsWith("http") ? a.registration()
                    : null);
            event.put("offers", offer);
        }
        if (a.minAge() != null || a.maxAge() != null) {
            event.put("typicalAgeRange", (a.minAge() == null ? "" : a.minAge()) + "-"
                    + (a.maxAge() == null ? "" : a.maxAge()));
        }
        if (!a.languages().isEmpty()) {
            event.put("inLanguage", a.languages().size() == 1 ? a.languages().getFirst() : a.languages());
        }
        return block(event);
    }

    /** The JSON-LD block of an association's page: an {@code NGO} (a kind of {@code Organization}). */
    public static String association(Association a) {
        Map<String, Object> ngo = node("NGO");
        ngo.put("@id", a.iri());
        ngo.put("url", a.website() != null && a.website().startsWith("http") ? a.website() : a.iri());
        put(ngo, "name", a.name());
        put(ngo, "alternateName", a.alternateName());
        put(ngo, "description", a.description());
        put(ngo, "identifier", a.rna());
        put(ngo, "foundingDate", a.founded() == null ? null : a.founded().toString());
        put(ngo, "dissolutionDate", a.dissolved() == null ? null : a.dissolved().toString());
        String town = town(a.commune());
        if (a.address() != null || town != null) {
            Map<String, Object> address = node("PostalAddress");
            put(address, "streetAddress", a.address());
            put(address, "addressLocality", town);
            address.put("addressCountry", "FR");
            ngo.put("address", address);
        }
        return block(ngo);
    }

    private static Map<String, Object> place(Activity a) {
        Activity.Place p = a.place();
        String town = town(a.commune());
        if (p == null && town == null) {
            return null;
        }
        Map<String, Object> place = node("Place");
        if (p != null) {
            put(place, "@id", p.iri());
            put(place, "name", p.name());
        }
        Map<String, Object> address = node("PostalAddress");
        put(address, "streetAddress", p == null ? null : p.street());
        put(address, "postalCode", p == null ? null : p.postCode());
        put(address, "addressLocality", town);
        address.put("addressCountry", "FR");
        place.put("address", address);
        if (p != null && p.lat() != null && p.lon() != null) {
            Map<String, Object> geo = node("GeoCoordinates");
            geo.put("latitude", p.lat());
            geo.put("longitude", p.lon());
            place.put("geo", geo);
        }
        return place;
    }

    /** The name of the commune {@code code}, or {@code null}. */
    private static String town(String code) {
        return code == null ? null : ReferenceData.get().commune(code).map(ReferenceData.Commune::name).orElse(null);
    }

    /** schema.org's day of the week, as the IRI of its enumeration member. */
    private static String day(DayOfWeek d) {
        String name = d.name().toLowerCase(Locale.ROOT);
        return SCHEMA + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        return node;
    }

    private static void put(Map<String, Object> node, String key, Object value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    /**
     * The script element: JSON with every {@code <} escaped, so that no value can close the element or open a
     * comment in the page.
     */
    private static String block(Map<String, Object> node) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.putAll(node);
        try {
            return "<script type=\"application/ld+json\">" + JSON.writeValueAsString(root).replace("<", "\\u003c")
                    + "</script>\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
