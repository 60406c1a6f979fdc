package fr.tissu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tissu.store.read.Cursor;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * The reading side of the {@link SearchIndex}: ranked and paged searches with facets and highlights, completion,
 * and the matching keys the lists filter with; each on the searcher current when it starts.
 */
final class Searches {
    private final SearchIndex index;
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    Searches(SearchIndex index) {
        this.index = index;
    }

    /** Runs a search. */
    SearchResult search(SearchRequest request) {
        return index.withSearcher(searcher -> {
            try {
                return search(searcher, request);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Exact words first; when that finds fewer results than a page and a word is long enough to be a typo, the
     * search runs again with typo tolerance.
     */
    private SearchResult search(IndexSearcher searcher, SearchRequest r) throws IOException {
        SearchResult exact = search(searcher, r, false);
        if (r.after() == null && exact.total() < r.limit() && r.text() != null && TextQuery.hasLongWord(r.text())) {
            return search(searcher, r, true);
        }
        if (r.after() != null && r.text() != null && TextQuery.hasLongWord(r.text())
                && search(searcher, new SearchRequest(r.text(), r.filter(), r.limit(), null, r.origin(), r.byDistance(),
                        List.of(), false), false).total() < r.limit()) {
            return search(searcher, r, true); // a later page of a search that needed typos
        }
        return exact;
    }

    private SearchResult search(IndexSearcher searcher, SearchRequest r, boolean typos) throws IOException {
        Query text = TextQuery.of(r.text(), typos);
        Query query = text;
        if (r.filter() != null) {
            query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST)
                    .add(r.filter(), BooleanClause.Occur.FILTER).build();
        }
        Sort sort = r.byDistance()
                ? new Sort(LatLonDocValuesField.newDistanceSort(Fields.LOCATION, r.origin()[0], r.origin()[1]),
                        new SortField(Fields.KEY, SortField.Type.STRING))
                : Sort.RELEVANCE; // score alone (ties by document), so that non-competitive documents can be skipped
        FieldDoc after = r.after() == null ? null : HitCursor.decode(r.after(), r.byDistance());
        // Counting stops being exact past 1,000 matches: past that point the collector may skip the documents that
        // cannot enter the page (block-max scores), which is what keeps broad queries fast on millions of documents.
        // By relevance, the score collector (it drives that skipping); by distance, the field collector.
        CollectorManager<?, ? extends TopDocs> top = r.byDistance()
                ? new TopFieldCollectorManager(sort, r.limit(), after, SearchIndex.TOTAL_HITS_THRESHOLD)
                : new TopScoreDocCollectorManager(r.limit(), after, SearchIndex.TOTAL_HITS_THRESHOLD);
        TopDocs docs;
        long total;
        boolean exact;
        Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
        if (r.facets().isEmpty()) {
            docs = searcher.search(query, top);
            total = docs.totalHits.value();
            exact = docs.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
            if (!exact && r.exactTotal()) {
                total = searcher.count(query);
                exact = true;
            }
        } else {
            MultiCollectorManager both = new MultiCollectorManager(top, new FacetsCollectorManager());
            Object[] results = searcher.search(query, both);
            docs = (TopDocs) results[0];
            FacetsCollector collected = (FacetsCollector) results[1];
            total = collected.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
            exact = true;
            Facets counts = new SortedSetDocValuesFacetCounts(facetState(searcher.getIndexReader()), collected);
            for (String dim : r.facets()) {
                List<SearchResult.FacetCount> values = new ArrayList<>();
                FacetResult result;
                try {
                    result = counts.getTopChildren(dim.equals(Fields.COMMUNE) ? 50 : 100, dim);
                } catch (IllegalArgumentException e) {
                    result = null; // no document has this dimension yet
                }
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
                    }
                }
                facets.put(dim, values);
            }
        }
        String[][] marks = r.highlight() && docs.scoreDocs.length > 0 ? highlight(searcher, text, docs) : null;
        StoredFields stored = searcher.storedFields();
        List<SearchResult.Hit> hits = new ArrayList<>(docs.scoreDocs.length);
        for (int i = 0; i < docs.scoreDocs.length; i++) {
            ScoreDoc fd = docs.scoreDocs[i];
            Document d = stored.document(fd.doc);
            Double distance = null;
            if (r.origin() != null && d.get(Fields.LOCATION) != null) {
                String[] ll = d.get(Fields.LOCATION).split(",");
                distance = Geo.distance(r.origin()[0], r.origin()[1], Double.parseDouble(ll[0]),
                        Double.parseDouble(ll[1]));
            }
            Map<String, String> h = new LinkedHashMap<>();
            if (marks != null) {
                if (marks[0][i] != null && marks[0][i].contains("<mark>")) {
                    h.put("name", marks[0][i]);
                }
                if (marks[1][i] != null && marks[1][i].contains("<mark>")) {
                    h.put("description", marks[1][i]);
                }
            }
            float score = r.byDistance() ? 0f : fd.score;
            hits.add(new SearchResult.Hit(d.get(Fields.URI), d.get(Fields.KEY), d.get(Fields.TYPE), d.get(Fields.NAME),
                    d.get(Fields.COMMUNE), score, distance, h));
        }
        String next = null;
        if (docs.scoreDocs.length == r.limit() && total > r.limit()) {
            next = HitCursor.encode(docs.scoreDocs[docs.scoreDocs.length - 1]);
        }
        return new SearchResult(total, exact, hits, facets, next);
    }

    private String[][] highlight(IndexSearcher searcher, Query text, TopDocs docs) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Analysis.TEXT)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(false)
                .build();
        Map<String, String[]> out = highlighter.highlightFields(new String[] {Fields.NAME, Fields.DESCRIPTION}, text,
                docs, new int[] {1, 2});
        return new String[][] {out.get(Fields.NAME), out.get(Fields.DESCRIPTION)};
    }

    /**
     * Completion for a search box: things whose name has words starting with what was typed (the last word as a
     * prefix, the others whole), best first.
     */
    List<SearchResult.Hit> suggest(String typed, Query filter, int limit) {
        List<String> words = Analysis.terms(Analysis.PLAIN, typed);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : words) {
            String prefix = w.length() > 20 ? w.substring(0, 20) : w;
            q.add(new TermQuery(new Term(Fields.SUGGEST, prefix)), BooleanClause.Occur.MUST);
        }
        if (filter != null) {
            q.add(filter, BooleanClause.Occur.FILTER);
        }
        Query query = q.build();
        return index.withSearcher(searcher -> {
            try {
                TopDocs docs = searcher.search(query, limit * 3);
                StoredFields stored = searcher.storedFields();
                List<SearchResult.Hit> out = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (ScoreDoc sd : docs.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    if (seen.add(d.get(Fields.TYPE) + "|" + d.get(Fields.NAME)) && out.size() < limit) {
                        out.add(new SearchResult.Hit(d.get(Fields.URI), d.get(Fields.KEY), d.get(Fields.TYPE),
                                d.get(Fields.NAME), d.get(Fields.COMMUNE), sd.score, null, Map.of()));
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The keys of the things of {@code type} matching {@code text} and {@code filter}, with their scores. */
    Map<String, Float> matches(String type, String text, Query filter) {
        Map<String, Float> exact = matches(type, text, filter, false);
        return exact.isEmpty() && TextQuery.hasLongWord(text) ? matches(type, text, filter, true) : exact;
    }

    private Map<String, Float> matches(String type, String text, Query filter, boolean typos) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(TextQuery.of(text, typos), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, type)), BooleanClause.Occur.FILTER);
        if (filter != null) {
            q.add(filter, BooleanClause.Occur.FILTER);
        }
        Query query = q.build();
        return index.withSearcher(searcher -> {
            try {
                int n = Math.max(1, searcher.count(query));
                TopDocs docs = searcher.search(query, n);
                Map<String, Float> keys = new LinkedHashMap<>();
                for (ScoreDoc sd : docs.scoreDocs) {
                    keys.put(searcher.storedFields().document(sd.doc, Set.of(Fields.KEY)).get(Fields.KEY),
                            sd.score);
                }
                return keys;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != reader) {
            current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, Fields.FACETS_CONFIG));
            facetState = current;
        }
        return current.state();
    }

    /** Opaque paging cursors: the sort values of the last hit of a page. */
    static final class HitCursor {
        private HitCursor() {
        }

        /** By distance: the distance and the key; by relevance: the score and the document (within one index). */
        static String encode(ScoreDoc doc) {
            boolean field = doc instanceof FieldDoc fd && fd.fields.length > 1;
            String first = field ? String.valueOf(((Number) ((FieldDoc) doc).fields[0]).doubleValue())
                    : String.valueOf(doc.score);
            String second = field ? ((BytesRef) ((FieldDoc) doc).fields[1]).utf8ToString() : "#" + doc.doc;
            return Cursor.of(first, second);
        }

        static FieldDoc decode(String cursor, boolean byDistance) {
            try {
                List<String> parts = Cursor.parts(cursor, 2);
                double first = Double.parseDouble(parts.get(0));
                String second = parts.get(1);
                if (byDistance) {
                    return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {first, new BytesRef(second)});
                }
                if (!second.startsWith("#")) {
                    throw new IllegalArgumentException(cursor);
                }
                return new FieldDoc(Integer.parseInt(second.substring(1)), (float) first, new Object[] {(float) first});
            } catch (RuntimeException e) {
                throw new SearchRequest.BadCursor(cursor);
            }
        }
    }
}
