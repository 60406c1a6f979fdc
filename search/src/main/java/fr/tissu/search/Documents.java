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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import fr.tissu.store.Store;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Place;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.store.read.Selection;
import fr.tissu.store.read.SupportPoint;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Node;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

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
        Builder d = new Builder("association", a.iri(), a.rna(), a.graph(), a);
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
        Builder d = new Builder("activity", a.iri(), a.key(), a.graph(), a);
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
        Builder d = new Builder("place", p.iri(), p.key(), p.graph(), p);
        d.name(p.name());
        d.themes(List.of());
        d.commune(p.commune());
        d.other(communeName(p.commune()));
        d.all();
        d.location(p.lat(), p.lon());
        return d.doc;
    }

    static Document supportPoint(SupportPoint p) {
        Builder d = new Builder("support-point", p.iri(), p.identifier() != null ? p.identifier() : p.key(), p.graph(),
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

    /** Writes the fields every kind of document has, in the order they are built. */
    private static final class Builder {
        final Document doc = new Document();
        private String name = "";
        private String description = "";
        private final StringBuilder themeText = new StringBuilder();
        private String other = "";

        Builder(String type, String uri, String key, String graph, Record record) {
            doc.add(new StringField(Fields.URI, uri, Field.Store.YES));
            doc.add(new StringField(Fields.KEY, key, Field.Store.YES));
            doc.add(new SortedDocValuesField(Fields.KEY, new BytesRef(key)));
            doc.add(new StringField(Fields.TYPE, type, Field.Store.YES));
            doc.add(new StoredField(Fields.DIGEST, digest(record, graph)));
            doc.add(new SortedSetDocValuesFacetField(Fields.TYPE, type));
            if (graph != null) {
                doc.add(new StringField(Fields.GRAPH, graph, Field.Store.YES));
            }
        }

        void name(String text) {
            name = text == null ? "" : text;
            doc.add(new TextField(Fields.NAME, name, Field.Store.YES));
            doc.add(new TextField(Fields.SUGGEST, name, Field.Store.NO));
            doc.add(new SortedDocValuesField(Fields.NAME_SORT, new BytesRef(Vocabulary.fold(name))));
        }

        void description(String text) {
            if (text != null && !text.isEmpty()) {
                description = text;
                doc.add(new TextField(Fields.DESCRIPTION, text, Field.Store.YES));
            }
        }

        /** The themes and every broader theme, with their labels: "sport" finds judo. */
        void themes(List<String> codes) {
            Set<String> themes = new TreeSet<>();
            for (String t : codes) {
                for (String code : Themes.withBroader(t)) {
                    if (themes.add(code)) {
                        themeText.append(Themes.labels(code)).append(' ');
                    }
                }
            }
            themes.forEach(t -> {
                doc.add(new StringField(Fields.THEME, t, Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(Fields.THEME, t));
            });
            doc.add(new TextField(Fields.THEMES_TEXT, themeText.toString(), Field.Store.NO));
        }

        void commune(String code) {
            if (code != null) {
                doc.add(new StringField(Fields.COMMUNE, code, Field.Store.YES));
                doc.add(new SortedSetDocValuesFacetField(Fields.COMMUNE, code));
            }
        }

        /** Words that find the thing without being its name, themes or description. */
        void other(String... texts) {
            other = String.join(" ", nonNull(texts));
            doc.add(new TextField(Fields.OTHER, other, Field.Store.NO));
        }

        void all() {
            doc.add(new TextField(Fields.ALL, String.join(" \n ", name, themeText, description, other),
                    Field.Store.NO));
        }

        void free(Boolean free) {
            if (free != null) {
                doc.add(new StringField(Fields.FREE, free.toString(), Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(Fields.PRICE_BAND, free ? "free" : "paid"));
            }
        }

        void location(Double lat, Double lon) {
            if (lat != null && lon != null) {
                doc.add(new LatLonPoint(Fields.LOCATION, lat, lon));
                doc.add(new LatLonDocValuesField(Fields.LOCATION, lat, lon));
                doc.add(new StoredField(Fields.LOCATION, lat + "," + lon));
            }
        }
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

    private static List<String> nonNull(String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
