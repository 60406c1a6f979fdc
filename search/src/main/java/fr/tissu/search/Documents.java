package fr.tissu.search;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
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
 * Reads the things to index from the store, one streaming query per type, and turns each into a Lucene document.
 * A query's rows for one thing come one after the other (the type pattern comes first, so the joins run per
 * thing); they are folded into one document as they pass, so memory stays flat whatever the store's size.
 */
final class Documents {
    private static final String PREFIXES = """
            PREFIX schema: <https://schema.org/>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX tissu: <https://w3id.org/tissu/ns#>
            PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
            PREFIX rov: <http://www.w3.org/ns/regorg#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    /** The kinds of thing indexed: type name, the pattern that finds them, the rest of the query. */
    private enum Kind {
        ASSOCIATION("association", "?s a schema:NGO", """
                ?s dct:identifier ?id ; schema:name ?name .
                OPTIONAL { ?s schema:alternateName ?alt }
                OPTIONAL { ?s dct:description ?desc }
                OPTIONAL { ?s dct:subject ?theme }
                OPTIONAL { ?s tissu:commune ?c OPTIONAL { ?c schema:name ?cname } }
                OPTIONAL { ?s rov:orgStatus ?status }
                OPTIONAL { ?s schema:foundingDate ?created }
                """),
        ACTIVITY("activity", "?s a tissu:Activity", """
                ?s dct:identifier ?id ; schema:name ?name .
                OPTIONAL { ?s dct:description ?desc }
                OPTIONAL { ?s dct:subject ?theme }
                OPTIONAL { ?s tissu:commune ?c OPTIONAL { ?c schema:name ?cname } }
                OPTIONAL { ?s schema:organizer/schema:name ?org }
                OPTIONAL { ?s schema:eventSchedule ?sch . ?sch schema:startTime ?start ; schema:endTime ?end
                           OPTIONAL { ?sch schema:byDay ?day } OPTIONAL { ?sch schema:startDate ?sd }
                           OPTIONAL { ?sch schema:endDate ?ed } }
                OPTIONAL { ?s schema:audience/schema:suggestedMinAge ?min }
                OPTIONAL { ?s schema:audience/schema:suggestedMaxAge ?max }
                OPTIONAL { ?s dct:audience/skos:prefLabel ?aud }
                OPTIONAL { ?s schema:offers/schema:price ?price }
                OPTIONAL { ?s schema:isAccessibleForFree ?free }
                OPTIONAL { ?s tissu:accessible ?acc }
                OPTIONAL { ?s schema:inLanguage ?lang }
                OPTIONAL { ?s schema:location ?p . ?p schema:name ?pname OPTIONAL { ?p geo:lat ?lat ; geo:long ?lon } }
                """),
        PLACE("place", "?s a schema:Place FILTER NOT EXISTS { ?s a tissu:SupportPoint }", """
                ?s schema:name ?name .
                OPTIONAL { ?s tissu:commune ?c OPTIONAL { ?c schema:name ?cname } }
                OPTIONAL { ?s geo:lat ?lat ; geo:long ?lon }
                """),
        SUPPORT_POINT("support-point", "?s a tissu:SupportPoint", """
                ?s dct:identifier ?id ; schema:name ?name .
                OPTIONAL { ?s dct:description ?desc }
                OPTIONAL { ?s schema:description ?summary }
                OPTIONAL { ?s dct:subject ?theme }
                OPTIONAL { ?s tissu:service ?service }
                OPTIONAL { ?s tissu:commune ?c OPTIONAL { ?c schema:name ?cname } }
                OPTIONAL { ?s schema:isAccessibleForFree ?free }
                OPTIONAL { ?s geo:lat ?lat ; geo:long ?lon }
                """);

        final String type;
        final String select;
        final String rest;

        Kind(String type, String select, String rest) {
            this.type = type;
            this.select = select;
            this.rest = rest;
        }

        String first(Node graph) {
            return "GRAPH " + (graph == null ? "?g" : Sparql.iri(graph)) + " { " + select + " }";
        }

        String query(Node graph) {
            return PREFIXES + "SELECT * WHERE {\n" + first(graph) + " .\n" + rest + "}";
        }
    }

    private Documents() {
    }

    /**
     * Hands every document of the things typed in {@code graph} (all graphs when {@code null}) to {@code sink};
     * returns how many.
     */
    static long read(Store store, Node graph, Consumer<Document> sink) {
        long n = 0;
        for (Kind kind : Kind.values()) {
            Grouper grouper = new Grouper(kind, graph, sink);
            try {
                store.select(kind.query(graph), Duration.ofHours(2), grouper);
            } catch (RuntimeException e) {
                throw new IllegalStateException("reading the " + kind.type + " documents failed: " + e.getMessage()
                        + "\n" + kind.query(graph), e);
            }
            n += grouper.finish();
        }
        return n;
    }

    /** Folds the consecutive rows of one subject, then builds its document. */
    private static final class Grouper implements Consumer<QuerySolution> {
        private final Kind kind;
        private final String graph;
        private final Consumer<Document> sink;
        private String subject;
        private final Map<String, Set<String>> values = new HashMap<>();
        private long count;

        Grouper(Kind kind, Node graph, Consumer<Document> sink) {
            this.kind = kind;
            this.graph = graph == null ? null : graph.getURI();
            this.sink = sink;
        }

        @Override
        public void accept(QuerySolution row) {
            String s = row.getResource("s").getURI();
            if (!s.equals(subject)) {
                flush();
                subject = s;
            }
            row.varNames().forEachRemaining(v -> {
                RDFNode node = row.get(v);
                String value = node == null ? null : node.isLiteral() ? node.asLiteral().getLexicalForm() : node.isURIResource()
                        ? node.asResource().getURI() : null;
                if (value != null) {
                    values.computeIfAbsent(v, k -> new LinkedHashSet<>()).add(value);
                }
            });
        }

        long finish() {
            flush();
            return count;
        }

        private void flush() {
            if (subject != null) {
                sink.accept(document(kind.type, subject, graph, values));
                count++;
                values.clear();
                subject = null;
            }
        }
    }

    /** The document of one thing from its values by query variable. */
    static Document document(String type, String uri, String graph, Map<String, Set<String>> v) {
        Document d = new Document();
        String key = first(v, "id");
        if (key == null) {
            key = uri.substring(uri.lastIndexOf('/') + 1);
        }
        d.add(new StringField(Fields.URI, uri, Field.Store.YES));
        d.add(new StringField(Fields.KEY, key, Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.KEY, new BytesRef(key)));
        d.add(new StringField(Fields.TYPE, type, Field.Store.YES));
        d.add(new StoredField(Fields.DIGEST, digest(v)));
        d.add(new SortedSetDocValuesFacetField(Fields.TYPE, type));
        if (graph == null) {
            graph = first(v, "g");
        }
        String name = String.join(" ", v.getOrDefault("name", Set.of()));
        d.add(new TextField(Fields.NAME, name, Field.Store.YES));
        d.add(new TextField(Fields.SUGGEST, name, Field.Store.NO));
        d.add(new SortedDocValuesField(Fields.NAME_SORT, new BytesRef(Vocabulary.fold(name))));
        String description = join(v, "summary", "desc");
        if (!description.isEmpty()) {
            d.add(new TextField(Fields.DESCRIPTION, description, Field.Store.YES));
        }
        Set<String> themes = new TreeSet<>();
        StringBuilder themeText = new StringBuilder();
        for (String t : v.getOrDefault("theme", Set.of())) {
            for (String code : Themes.withBroader(Themes.code(t))) {
                if (themes.add(code)) {
                    themeText.append(Themes.labels(code)).append(' ');
                }
            }
        }
        themes.forEach(t -> {
            d.add(new StringField(Fields.THEME, t, Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(Fields.THEME, t));
        });
        d.add(new TextField(Fields.THEMES_TEXT, themeText.toString(), Field.Store.NO));
        String commune = first(v, "c");
        if (commune != null) {
            String code = commune.substring(commune.lastIndexOf('/') + 1);
            d.add(new StringField(Fields.COMMUNE, code, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(Fields.COMMUNE, code));
        }
        String other = join(v, "alt", "cname", "org", "pname", "service", "aud") + " " + ageWords(v);
        d.add(new TextField(Fields.OTHER, other, Field.Store.NO));
        d.add(new TextField(Fields.ALL, String.join(" \n ", name, themeText, description, other), Field.Store.NO));
        String status = first(v, "status");
        if (status != null) {
            d.add(new StringField(Fields.STATUS, status.substring(status.lastIndexOf('/') + 1), Field.Store.NO));
        }
        String created = first(v, "created");
        if (created != null) {
            d.add(new LongPoint(Fields.CREATED, LocalDate.parse(created).toEpochDay()));
        }
        for (String day : v.getOrDefault("day", Set.of())) {
            String code = day.substring(day.lastIndexOf('/') + 1).substring(0, 3).toLowerCase(Locale.ROOT);
            d.add(new StringField(Fields.DAY, code, Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(Fields.DAY, code));
        }
        String start = first(v, "start");
        if (start != null) {
            d.add(new IntPoint(Fields.START, minutes(start)));
            d.add(new IntPoint(Fields.END, minutes(first(v, "end"))));
        }
        String sd = first(v, "sd");
        if (sd != null) {
            d.add(new LongPoint(Fields.SEASON_START, LocalDate.parse(sd).toEpochDay()));
        }
        String ed = first(v, "ed");
        if (ed != null) {
            d.add(new LongPoint(Fields.SEASON_END, LocalDate.parse(ed).toEpochDay()));
        }
        if (type.equals("activity")) {
            int min = v.containsKey("min") ? Integer.parseInt(first(v, "min")) : 0;
            int max = v.containsKey("max") ? Integer.parseInt(first(v, "max")) : 150;
            d.add(new IntPoint(Fields.MIN_AGE, min));
            d.add(new IntPoint(Fields.MAX_AGE, max));
            for (String band : ageBands(min, max)) {
                d.add(new StringField(Fields.AGE_BAND, band, Field.Store.NO));
                d.add(new SortedSetDocValuesFacetField(Fields.AGE_BAND, band));
            }
        }
        String price = first(v, "price");
        if (price != null) {
            d.add(new DoublePoint(Fields.PRICE, Double.parseDouble(price)));
        }
        String free = first(v, "free");
        if (free != null) {
            d.add(new StringField(Fields.FREE, free, Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(Fields.PRICE_BAND, free.equals("true") ? "free" : "paid"));
        }
        String accessible = first(v, "acc");
        if (accessible != null) {
            d.add(new StringField(Fields.ACCESSIBLE, accessible, Field.Store.NO));
        }
        for (String lang : v.getOrDefault("lang", Set.of())) {
            d.add(new StringField(Fields.LANG, lang.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        String lat = first(v, "lat");
        String lon = first(v, "lon");
        if (lat != null && lon != null) {
            double la = Double.parseDouble(lat);
            double lo = Double.parseDouble(lon);
            d.add(new LatLonPoint(Fields.LOCATION, la, lo));
            d.add(new LatLonDocValuesField(Fields.LOCATION, la, lo));
            d.add(new StoredField(Fields.LOCATION, lat + "," + lon));
        }
        if (graph != null) {
            d.add(new StringField(Fields.GRAPH, graph, Field.Store.YES));
        }
        return d;
    }

    /** A digest of a thing's values, independent of the order the store gave them in. */
    static String digest(Map<String, Set<String>> v) {
        StringBuilder all = new StringBuilder();
        new java.util.TreeMap<>(v).forEach((k, values) -> {
            if (!k.equals("g")) {
                all.append(k).append('=').append(new TreeSet<>(values)).append('\n');
            }
        });
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
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
    private static String ageWords(Map<String, Set<String>> v) {
        if (!v.containsKey("min") && !v.containsKey("max")) {
            return "";
        }
        int min = v.containsKey("min") ? Integer.parseInt(first(v, "min")) : 0;
        int max = v.containsKey("max") ? Integer.parseInt(first(v, "max")) : 150;
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

    private static int minutes(String time) {
        LocalTime t = LocalTime.parse(time);
        return t.getHour() * 60 + t.getMinute();
    }

    private static String first(Map<String, Set<String>> v, String name) {
        Set<String> values = v.get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static String join(Map<String, Set<String>> v, String... names) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            parts.addAll(v.getOrDefault(n, Set.of()));
        }
        return String.join(" ", parts);
    }
}
