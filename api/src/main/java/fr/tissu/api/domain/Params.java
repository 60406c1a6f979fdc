package fr.tissu.api.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.store.read.Cursor;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Vocabulary;

/**
 * Named, possibly repeated, request parameters (a query string, or GraphQL arguments) with typed, checked
 * getters. A comma-separated value counts as several values. Unknown names are refused, so a typo never
 * silently widens a result.
 */
public final class Params {
    private final Map<String, List<String>> values;

    /** Parameters from {@code values}; names outside {@code allowed} are refused. */
    public Params(Map<String, List<String>> values, Set<String> allowed) {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new BadParameterException(name, "unknown parameter (known: " + String.join(", ",
                        new TreeSet<>(allowed)) + ")");
            }
        }
        this.values = values;
    }

    /** Every value of {@code name}, commas splitting values; empty when absent. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /**
     * The {@code count} sort values of the cursor {@code after} (a list's {@code after} parameter or a GraphQL
     * argument), {@code null} without one; a 400 naming {@code after} when it is not a cursor of that list.
     */
    public static List<String> after(String after, int count) {
        if (after == null) {
            return null;
        }
        try {
            return Cursor.parts(after, count);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("after", "not a cursor from a previous page's links.next");
        }
    }

    /** The single value of {@code name}, or {@code null}. */
    public String one(String name) {
        List<String> all = values.getOrDefault(name, List.of());
        if (all.size() > 1) {
            throw new BadParameterException(name, "give it once");
        }
        return all.isEmpty() || all.get(0).isBlank() ? null : all.get(0).strip();
    }

    /**
     * The INSEE codes named by {@code commune} and by the members of the EPCIs named by {@code epci}; empty when
     * neither is given. Unknown codes are refused.
     */
    public Set<String> communes() {
        Set<String> codes = new TreeSet<>();
        for (String code : all("commune")) {
            if (ReferenceData.get().commune(code).isEmpty()) {
                throw new BadParameterException("commune", "unknown INSEE commune code '" + code + "'");
            }
            codes.add(code);
        }
        for (String siren : all("epci")) {
            codes.addAll(ReferenceData.get().epci(siren)
                    .orElseThrow(() -> new BadParameterException("epci", "unknown EPCI SIREN '" + siren + "'"))
                    .members());
        }
        return codes;
    }

    /** The folded words of a text parameter (accents and case removed); empty when absent. */
    public List<String> words(String name) {
        String text = one(name);
        return text == null ? List.of()
                : List.of(Vocabulary.fold(text).split("-")).stream().filter(w -> !w.isEmpty()).toList();
    }

    /** {@code near=lat,lon} with {@code radius} in metres (default 5000), or {@code null}; radius alone is refused. */
    public ActivityFilter.Circle circle() {
        if (one("near") == null) {
            if (one("radius") != null) {
                throw new BadParameterException("radius", "give near=lat,lon with it");
            }
            return null;
        }
        List<String> parts = all("near");
        try {
            if (parts.size() != 2) {
                throw new NumberFormatException();
            }
            double lat = Double.parseDouble(parts.get(0));
            double lon = Double.parseDouble(parts.get(1));
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                throw new NumberFormatException();
            }
            return new ActivityFilter.Circle(lat, lon, integer("radius", 5000, 1, 200_000));
        } catch (NumberFormatException e) {
            throw new BadParameterException("near", "expected lat,lon in decimal degrees, e.g. 48.1113,-1.6800");
        }
    }

    /** A whole number within bounds, or {@code fallback}. */
    public int integer(String name, int fallback, int min, int max) {
        String v = one(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadParameterException(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "not a whole number: '" + v + "'");
        }
    }

    /** A decimal number, or {@code null}. */
    public BigDecimal decimal(String name) {
        String v = one(name);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "not a number: '" + v + "'");
        }
    }

    /** {@code true}/{@code false}, or {@code null}. */
    public Boolean bool(String name) {
        String v = one(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "oui" -> Boolean.TRUE;
            case "false", "0", "no", "non" -> Boolean.FALSE;
            default -> throw new BadParameterException(name, "expected true or false, not '" + v + "'");
        };
    }

    /** A date {@code YYYY-MM-DD}, or {@code null}. */
    public LocalDate date(String name) {
        String v = one(name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "expected a date YYYY-MM-DD, not '" + v + "'");
        }
    }

    /** A time of day {@code HH:MM}, or {@code null}. */
    public LocalTime time(String name) {
        String v = one(name);
        try {
            return v == null ? null : LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "expected a time of day HH:MM, not '" + v + "'");
        }
    }
}
