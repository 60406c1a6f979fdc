package fr.tissu.loader;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.DCT;
import fr.tissu.vocabulary.Vocab.Geo;
import fr.tissu.vocabulary.Vocab.Org;
import fr.tissu.vocabulary.Vocab.Schema;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Node;

/**
 * Maps Tissu's activities template (one row per recurring activity; see the README) to activities, their
 * weekly schedule, audience, offer and place. Places are named from their commune and a hash of name and
 * address, so the same place in several rows or files is one resource.
 */
final class ActivityMapper implements Mapper {
    private static final Map<String, String> DAYS = days();
    /** ISO 639-1 language codes. */
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** An address with one @, a domain with a dot, no spaces (what every mail client accepts). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** A French number (10 digits from 0, or +33 and 9 digits) or another international one (+ and 6 to 15). */
    private static final Pattern TELEPHONE = Pattern.compile("0[1-9]\\d{8}|\\+33[1-9]\\d{8}|\\+[1-9]\\d{5,14}");

    private final Ids ids;
    private final ReferenceData reference;
    private final Vocabulary vocabulary = Vocabulary.get();
    /** The line each id was first seen on in this file. */
    private final Map<String, Long> seen = new HashMap<>();

    ActivityMapper(Ids ids, ReferenceData reference) {
        this.ids = ids;
        this.reference = reference;
    }

    /** Where the activity takes place: what a resident of the territory can go to. */
    @Override
    public String communeColumn() {
        return "commune";
    }

    @Override
    public Map<Node, String> columns() {
        return Map.ofEntries(Map.entry(Schema.name, "titre"), Map.entry(Schema.organizer, "association"),
                Map.entry(DCT.subject, "theme"), Map.entry(Schema.byDay, "jours"),
                Map.entry(Schema.startTime, "heure_debut"), Map.entry(Schema.endTime, "heure_fin"),
                Map.entry(Schema.startDate, "debut_saison"), Map.entry(Schema.endDate, "fin_saison"),
                Map.entry(Schema.suggestedMinAge, "age_min"), Map.entry(Schema.suggestedMaxAge, "age_max"),
                Map.entry(Schema.price, "tarif"), Map.entry(Geo.lat, "latitude"), Map.entry(Geo.lon, "longitude"),
                Map.entry(Schema.inLanguage, "langues"), Map.entry(Org.postCode, "code_postal"));
    }

    @Override
    public void map(Row row, RowTriples out) {
        String id = row.text("id");
        if (id != null) {
            Long first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                row.reject("id", "duplicate id (first seen at line " + first + ")");
            }
        }
        String rna = row.rnaNumber("association");
        String title = row.required("titre");
        List<Node> themes = new ArrayList<>();
        for (String theme : row.list("theme")) {
            vocabulary.theme(theme).ifPresentOrElse(themes::add,
                    () -> row.reject("theme", "unknown theme '" + theme + "' (see the theme scheme in /vocabulary)"));
        }
        if (row.text("theme") == null) {
            row.reject("theme", "required value is missing");
        }
        String insee = row.required("commune");
        Optional<ReferenceData.Commune> commune = reference.commune(insee);
        if (insee != null && commune.isEmpty()) {
            row.reject("commune", "unknown INSEE commune code");
        }
        List<Node> days = new ArrayList<>();
        for (String day : row.text("jours") == null ? List.<String>of() : List.of(row.text("jours").split("[|,; ]+"))) {
            String english = DAYS.get(Vocabulary.fold(day));
            if (english == null) {
                row.reject("jours", "unknown day '" + day + "' (expected lundi, mardi... or mon, tue...)");
            } else {
                days.add(Schema.day(english));
            }
        }
        if (row.text("jours") == null) {
            row.reject("jours", "required value is missing");
        }
        LocalTime start = row.time("heure_debut");
        LocalTime end = row.time("heure_fin");
        if (row.text("heure_debut") == null) {
            row.reject("heure_debut", "required value is missing");
        }
        if (row.text("heure_fin") == null) {
            row.reject("heure_fin", "required value is missing");
        }
        LocalDate seasonStart = row.spreadsheetDate("debut_saison");
        LocalDate seasonEnd = row.spreadsheetDate("fin_saison");
        Integer minAge = row.integer("age_min");
        Integer maxAge = row.integer("age_max");
        List<Node> audiences = new ArrayList<>();
        for (String audience : row.list("public")) {
            vocabulary.audience(audience).ifPresentOrElse(audiences::add,
                    () -> row.reject("public", "unknown audience '" + audience + "'"));
        }
        String priceText = row.text("tarif");
        BigDecimal price = priceText == null || priceText.equalsIgnoreCase("gratuit")
                || priceText.equalsIgnoreCase("free")
                ? (priceText == null ? null : BigDecimal.ZERO) : row.decimal("tarif");
        Boolean accessible = row.bool("accessible");
        BigDecimal lat = row.decimal("latitude");
        BigDecimal lon = row.decimal("longitude");
        List<String> languages = row.list("langues").stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        languages.stream().filter(l -> !LANGUAGES.contains(l)).findFirst().ifPresent(l -> row.reject("langues",
                "unknown language code '" + l + "' (expected ISO 639-1 codes such as fr, en, br, separated by |)"));
        String email = row.text("email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            row.reject("email", "not an e-mail address (expected name@domain.fr)");
        }
        String telephone = row.text("telephone");
        if (telephone != null && !TELEPHONE.matcher(telephone.replaceAll("[ .\\-()]", "")).matches()) {
            row.reject("telephone", "not a telephone number (expected 02 99 12 34 56 or +33 2 99 12 34 56)");
        }
        if (!row.valid()) {
            return;
        }
        String key = row.text("id") != null ? row.text("id")
                : rna + "-" + Vocabulary.fold(title) + "-" + Vocabulary.fold(row.text("jours")) + "-" + start;
        Node act = ids.thing("activity", key);
        out.add(act, Core.type, Tissu.Activity);
        out.add(act, Core.type, Schema.Event);
        out.text(act, DCT.identifier, key);
        out.text(act, Schema.name, title);
        out.text(act, DCT.description, row.text("description"));
        themes.forEach(t -> out.add(act, DCT.subject, t));
        out.add(act, Schema.organizer, ids.association(rna));
        out.add(act, Tissu.commune, ids.commune(commune.orElseThrow().code()));

        Node schedule = Ids.part(act, "schedule");
        out.add(act, Schema.eventSchedule, schedule);
        out.add(schedule, Core.type, Schema.Schedule);
        days.forEach(d -> out.add(schedule, Schema.byDay, d));
        out.time(schedule, Schema.startTime, start);
        out.time(schedule, Schema.endTime, end);
        out.date(schedule, Schema.startDate, seasonStart);
        out.date(schedule, Schema.endDate, seasonEnd);
        out.text(schedule, Schema.repeatFrequency, "P1W");

        if (minAge != null || maxAge != null) {
            Node audience = Ids.part(act, "audience");
            out.add(act, Schema.audience, audience);
            out.add(audience, Core.type, Schema.PeopleAudience);
            out.integer(audience, Schema.suggestedMinAge, minAge);
            out.integer(audience, Schema.suggestedMaxAge, maxAge);
            out.text(act, Schema.typicalAgeRange, (minAge == null ? "" : minAge) + "-"
                    + (maxAge == null ? "" : maxAge));
        }
        audiences.forEach(a -> out.add(act, DCT.audience, a));
        if (price != null || row.text("inscription") != null) {
            Node offer = Ids.part(act, "offer");
            out.add(act, Schema.offers, offer);
            out.add(offer, Core.type, Schema.Offer);
            out.decimal(offer, Schema.price, price);
            out.text(offer, Schema.priceCurrency, price == null ? null : "EUR");
            if (!out.link(offer, Schema.url, row.text("inscription"))) {
                row.reject("inscription", "registration link must be an http(s) URL");
            }
        }
        if (price != null) {
            out.bool(act, Schema.isAccessibleForFree, price.signum() == 0);
        }
        out.bool(act, Tissu.accessible, accessible);
        languages.forEach(l -> out.text(act, Schema.inLanguage, l));
        out.text(act, Schema.email, row.text("email"));
        out.text(act, Schema.telephone, row.text("telephone"));
        place(row, out, act, commune.orElseThrow(), lat, lon);
    }

    private void place(Row row, RowTriples out, Node act, ReferenceData.Commune commune, BigDecimal lat,
                       BigDecimal lon) {
        String name = row.text("lieu");
        String street = row.text("adresse");
        if (name == null && street == null) {
            return;
        }
        String label = name != null ? name : street;
        // Name, address and coordinates identify a place: rows that agree share it, a row that disagrees gets its
        // own, so one row's bad coordinates never reject the other rows at the same place.
        String digest = HexFormat.of().formatHex(sha1(Vocabulary.fold(label) + "|" + Vocabulary.fold(street) + "|"
                + (lat == null ? "" : lat.toPlainString()) + "|" + (lon == null ? "" : lon.toPlainString())), 0, 5);
        Node place = ids.thing("place", commune.code() + "-" + digest);
        out.add(act, Schema.location, place);
        out.add(place, Core.type, Schema.Place);
        out.text(place, Schema.name, label);
        out.add(place, Tissu.commune, ids.commune(commune.code()));
        String postCode = row.text("code_postal");
        out.address(place, RowTriples.join(", ", street, RowTriples.join(" ", postCode, commune.name())), street,
                postCode, commune.name());
        GeoPoint.add(out, place, lat, lon);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> days() {
        String[][] names = {
            {"Monday", "lundi", "lun", "mon", "mo", "monday"},
            {"Tuesday", "mardi", "mar", "tue", "tu", "tuesday"},
            {"Wednesday", "mercredi", "mer", "wed", "we", "wednesday"},
            {"Thursday", "jeudi", "jeu", "thu", "th", "thursday"},
            {"Friday", "vendredi", "ven", "fri", "fr", "friday"},
            {"Saturday", "samedi", "sam", "sat", "sa", "saturday"},
            {"Sunday", "dimanche", "dim", "sun", "su", "sunday"},
        };
        Map<String, String> days = new HashMap<>();
        for (String[] day : names) {
            for (int i = 1; i < day.length; i++) {
                days.put(day[i], day[0]);
            }
        }
        return days;
    }
}
