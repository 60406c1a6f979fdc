package fr.tissu.search;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.tissu.vocabulary.Vocabulary;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** Writes the fields every kind of document has, in the order they are built. */
final class DocumentBuilder {
    final Document doc = new Document();
    private String name = "";
    private String description = "";
    private final StringBuilder themeText = new StringBuilder();
    private String other = "";

    DocumentBuilder(String type, String uri, String key, String graph, Record record) {
        doc.add(new StringField(Fields.URI, uri, Field.Store.YES));
        doc.add(new StringField(Fields.KEY, key, Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.KEY, new BytesRef(key)));
        doc.add(new StringField(Fields.TYPE, type, Field.Store.YES));
        doc.add(new StoredField(Fields.DIGEST, Documents.digest(record, graph)));
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
        other = String.join(" ", Documents.nonNull(texts));
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
