package fr.tissu.search;

import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What people type, as a Lucene query. Every word must match in some field; the best field counts (name 4 >
 * themes 2 > description 1 > the rest 0.5); words of 5 letters or more also match with one typo (two from 8
 * letters) after their first two letters, at a lower weight — the search runs without typos first and only
 * falls back to them when that finds too little (fuzzy automata cost milliseconds on millions of terms); the words as a
 * phrase in the name add to the score.
 */
public final class TextQuery {
    /**
     * The most words a query may have: each word is up to four Lucene clauses, and Lucene refuses more than 1,024
     * (about 340 words); 64 is far more than anyone types, and bounds the cost of one query.
     */
    public static final int MAX_WORDS = 64;

    private TextQuery() {
    }

    /** A query of more than {@link #MAX_WORDS} words. */
    public static final class TooManyWords extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooManyWords(int words) {
            super("q: at most " + MAX_WORDS + " words (" + words + " given, not counting the most common ones)");
        }
    }

    /** The query for {@code text}, typos included; all documents when it has no word. */
    public static Query of(String text) {
        return of(text, true);
    }

    /**
     * Whether {@code text} has a word long enough for typo tolerance (else {@link #of(String, boolean)} ignores it).
     */
    public static boolean hasLongWord(String text) {
        return Analysis.terms(Analysis.TEXT, text).stream().anyMatch(t -> t.length() >= 5);
    }

    /** The query for {@code text}, with or without typo tolerance; all documents when it has no word. */
    public static Query of(String text, boolean typos) {
        List<String> terms = Analysis.terms(Analysis.TEXT, text);
        if (terms.isEmpty()) {
            return MatchAllDocsQuery.INSTANCE;
        }
        if (terms.size() > MAX_WORDS) {
            throw new TooManyWords(terms.size());
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            // Every word must appear somewhere (the combined field: one posting list per word, scored); where it
            // appears adds to the score (name, then themes).
            Query anywhere = new TermQuery(new Term(Fields.ALL, term));
            if (typos && term.length() >= 5) {
                int edits = term.length() >= 8 ? 2 : 1;
                // the first two letters must be right: it divides the terms the automaton visits by hundreds
                anywhere = new DisjunctionMaxQuery(List.of(anywhere,
                        boost(new FuzzyQuery(new Term(Fields.ALL, term), edits, 2, 10, true), 0.5f)), 0f);
                all.add(boost(new FuzzyQuery(new Term(Fields.NAME, term), edits, 2, 10, true), 1.2f),
                        BooleanClause.Occur.SHOULD);
            }
            all.add(anywhere, BooleanClause.Occur.MUST);
            all.add(boost(new TermQuery(new Term(Fields.NAME, term)), 4f), BooleanClause.Occur.SHOULD);
            all.add(boost(new TermQuery(new Term(Fields.THEMES_TEXT, term)), 2f), BooleanClause.Occur.SHOULD);
        }
        if (terms.size() > 1) {
            all.add(boost(new PhraseQuery(2, Fields.NAME, terms.toArray(String[]::new)), 2f),
                    BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    private static Query boost(Query q, float boost) {
        return new BoostQuery(q, boost);
    }
}
