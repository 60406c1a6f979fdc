package fr.tissu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * What the index holds for one graph before an update, in 20 bytes a document (a 64-bit hash of the URI and of
 * the digest, and the document id): enough to tell, for each document read again from the store, whether it is
 * new or modified, and, at the end, which were removed. A national graph of 2M associations takes 40 MB here
 * where a map of URIs took about 700 MB. Read the removed documents' fields from the same {@code searcher}: its
 * document ids are those.
 */
final class IndexedDigests {
    private final long[] uris;
    private final long[] digests;
    private final int[] docs;
    private final BitSet seen;

    private IndexedDigests(long[] uris, long[] digests, int[] docs) {
        this.uris = uris;
        this.digests = digests;
        this.docs = docs;
        this.seen = new BitSet(uris.length);
    }

    /** The live documents of {@code graph} in {@code searcher}, sorted by URI hash. */
    static IndexedDigests of(IndexSearcher searcher, String graph) {
        try {
            int n = searcher.count(new org.apache.lucene.search.TermQuery(new Term(Fields.GRAPH, graph)));
            long[] keys = new long[n];
            long[] values = new long[n];
            int[] ids = new int[n];
            int i = 0;
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(Fields.URI, Fields.DIGEST);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                PostingsEnum postings = leaf.reader().postings(new Term(Fields.GRAPH, graph), PostingsEnum.NONE);
                if (postings == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && i < n; d = postings.nextDoc()) {
                    if (live == null || live.get(d)) {
                        Document doc = stored.document(leaf.docBase + d, fields);
                        keys[i] = hash(doc.get(Fields.URI));
                        values[i] = hash(doc.get(Fields.DIGEST));
                        ids[i++] = leaf.docBase + d;
                    }
                }
            }
            return sorted(Arrays.copyOf(keys, i), Arrays.copyOf(values, i), Arrays.copyOf(ids, i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IndexedDigests sorted(long[] keys, long[] values, int[] ids) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] k = new long[keys.length];
        long[] v = new long[keys.length];
        int[] d = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            k[i] = keys[order[i]];
            v[i] = values[order[i]];
            d[i] = ids[order[i]];
        }
        return new IndexedDigests(k, v, d);
    }

    /** What a document read again from the store is: {@code added}, {@code modified}, or {@code null} (the same). */
    String compare(String uri, String digest) {
        int at = Arrays.binarySearch(uris, hash(uri));
        if (at < 0) {
            return "added";
        }
        seen.set(at);
        return digests[at] == hash(digest) ? null : "modified";
    }

    /** The document ids of the documents no longer in the store. */
    void removed(Consumer<Integer> each) {
        for (int i = seen.nextClearBit(0); i < uris.length; i = seen.nextClearBit(i + 1)) {
            each.accept(docs[i]);
        }
    }

    /** 64-bit FNV-1a of a string's characters ({@code null} as 0). */
    static long hash(String s) {
        if (s == null) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
