package fr.tissu.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import fr.tissu.store.Store;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Place;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.store.read.Selection;
import fr.tissu.store.read.SupportPoint;
import org.apache.jena.graph.Node;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/**
 * The Lucene documents of the things to index, written from the read model's records: one streaming projection per
 * kind (association, activity, place, digital-support point), so memory stays flat whatever the store's size.
 */
final class Documents {
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private Documents() {
    }

    /**
     * Hands every document of the things typed in {@code graph} (all graphs when {@code null}) to {@code sink};
     * returns how many.
     */
    static long read(Store store, Node graph, Consumer<Document> sink) {
        Selection selection = graph == null ? Selection.ALL : Selection.graphs(List.of(graph.getURI()));
        return Association.PROJECTION.read(store, selection, TIMEOUT, a -> sink.accept(association(a)))
                + Activity.PROJECTION.read(store, selection, TIMEOUT, a -> sink.accept(activity(a)))
                + Place.PROJECTION.read(store, selection, TIMEOUT, p -> sink.accept(place(p)))
                + SupportPoint.PROJECTION.read(store, selection, TIMEOUT, p -> sink.accept(supportPoint(p)));
    }

    static Document association(Association a) {
        DocumentBuilder d = new DocumentBuilder("association", a.iri(), a.rna(), a.graph(), a);
        d.name(a.name());
        d.description(a.description());
        d.themes(a.themes());
        d.commune(a.commune());
        d.other(a.alternateName(), communeName(a.commune()));
        d.all();
        if (a.status() != null) {
            d.doc.add(new StringField(Fields.STATUS, a.status(), Field.Store.NO));
        }
        if (a.founded() != null) {
            d.doc.add(new LongPoint(Fields.CREATED, a.founded().toEpochDay()));
        }
        return d.doc;
    }

    static Document activity(Activity a) {
        DocumentBuilder d = new DocumentBuilder("activity", a.iri(), a.key(), a.graph(), a);
        d.name(a.title());
        d.description(a.description());
        d.themes(a.themes());
        d.commune(a.commune());
        List<String> audiences = a.audiences().stream().map(Themes::audienceLabels).toList();
        d.other(communeName(a.commune()), a.organizerName(), a.place() == null ? null : a.place().name(),
                String.join(" ", audiences), ageWords(a.minAge(), a.maxAge()));
        d.all();
        for (DayOfWeek day : a.days()) {
            String code = day.name().substring(0, 3).toLowerCase(Locale.ROOT);
            d.doc.add(new StringField(Fields.DAY, code, Field.Store.NO));
            d.doc.add(new SortedSetDocValuesFacetField(Fields.DAY, code));
        }
        if (a.start() != null && a.end() != null) {
            d.doc.add(new IntPoint(Fields.START, minutes(a.start())));
            d.doc.add(new IntPoint(Fields.END, minutes(a.end())));
        }
        if (a.seasonStart() != null) {
            d.doc.add(new LongPoint(Fields.SEASON_START, a.seasonStart().toEpochDay()));
        }
        if (a.seasonEnd() != null) {
            d.doc.add(new LongPoint(Fields.SEASON_END, a.seasonEnd().toEpochDay()));
        }
        int min = a.minAge() == null ? 0 : a.minAge();
        int max = a.maxAge() == null ? 150 : a.maxAge();
        d.doc.add(new IntPoint(Fields.MIN_AGE, min));
        d.doc.add(new IntPoint(Fields.MAX_AGE, max));
        for (String band : ageBands(min, max)) {
            d.doc.add(new StringField(Fields.AGE_BAND, band, Field.Store.NO));
            d.doc.add(new SortedSetDocValuesFacetField(Fields.AGE_BAND, band));
        }
        if (a.price() != null) {
            d.doc.add(new DoublePoint(Fields.PRICE, a.price().doubleValue()));
        }
        d.free(a.free());
        if (a.accessible() != null) {
            d.doc.add(new StringField(Fields.ACCESSIBLE, a.accessible().toString(), Field.Store.NO));
        }
        for (String lang : a.languages()) {
            d.doc.add(new StringField(Fields.LANG, lang.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        if (a.place() != null) {
            d.location(a.place().lat(), a.place().lon());
        }
        return d.doc;
    }

    static Document place(Place p) {
        DocumentBuilder d = new DocumentBuilder("place", p.iri(), p.key(), p.graph(), p);
        d.name(p.name());
        d.themes(List.of());
        d.commune(p.commune());
        d.other(communeName(p.commune()));
        d.all();
        d.location(p.lat(), p.lon());
        return d.doc;
    }

    static Document supportPoint(SupportPoint p) {
        DocumentBuilder d = new DocumentBuilder("support-point", p.iri(), p.identifier() != null ? p.identifier()
                : p.key(), p.graph(),
                p);
        d.name(p.name());
        d.description(String.join(" ", nonNull(p.summary(), p.description())));
        d.themes(p.themes());
        d.commune(p.commune());
        d.other(communeName(p.commune()), String.join(" ", p.services()));
        d.all();
        d.free(p.free());
        d.location(p.lat(), p.lon());
        return d.doc;
    }

    /**
     * A digest of a thing's values (its record without the graph it came from): the index compares it to find
     * what a load modified.
     */
    static String digest(Record record, String graph) {
        String text = record.toString();
        if (graph != null) {
            text = text.replace("graph=" + graph + ", ", "");
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Age bands the audience range touches. */
    static List<String> ageBands(int min, int max) {
        int[][] bands = {{0, 5}, {6, 11}, {12, 17}, {18, 64}, {65, 150}};
        String[] names = {"0-5", "6-11", "12-17", "18-64", "65+"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bands.length; i++) {
            if (min <= bands[i][1] && max >= bands[i][0]) {
                out.add(names[i]);
            }
        }
        return out;
    }

    /** Words people type for an audience: enfants 3-11, adolescents/jeunes 12-17, adultes, seniors. */
    private static String ageWords(Integer minAge, Integer maxAge) {
        if (minAge == null && maxAge == null) {
            return "";
        }
        int min = minAge == null ? 0 : minAge;
        int max = maxAge == null ? 150 : maxAge;
        StringBuilder w = new StringBuilder();
        if (min <= 11 && max >= 3) {
            w.append("enfants children kids ");
        }
        if (min <= 17 && max >= 12) {
            w.append("adolescents ados jeunes teenagers youth ");
        }
        if (max >= 18) {
            w.append("adultes adults ");
        }
        if (max >= 65 && min <= 65) {
            w.append("seniors ");
        }
        return w.toString();
    }

    private static String communeName(String code) {
        return code == null ? null : ReferenceData.get().commune(code).map(ReferenceData.Commune::name).orElse(null);
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    static List<String> nonNull(String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
