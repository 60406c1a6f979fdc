package fr.tissu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French analysis. {@link #TEXT}: elisions (l', d', qu'…) removed, lower case, French stop words, light stemming
 * (enfant = enfants), accents folded (numérique = numerique). {@link #PLAIN}: the same without stop words and
 * stemming, for prefix completion; {@link #PREFIXES} indexes every prefix of every word (edge n-grams) for it.
 */
public final class Analysis {
    private static final CharArraySet STOP = FrenchAnalyzer.getDefaultStopSet();

    /** For the text fields, at index and query time. */
    public static final Analyzer TEXT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, STOP);
            s = new FrenchLightStemFilter(s);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    /** Words as typed, lower-cased and folded: the query side of completion. */
    public static final Analyzer PLAIN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            s = new ASCIIFoldingFilter(new LowerCaseFilter(s));
            return new TokenStreamComponents(source, s);
        }
    };

    /** Every prefix (1 to 20 characters) of every plain word: the index side of completion. */
    public static final Analyzer PREFIXES = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            s = new ASCIIFoldingFilter(new LowerCaseFilter(s));
            s = new EdgeNGramTokenFilter(s, 1, 20, true);
            return new TokenStreamComponents(source, s);
        }
    };

    /** What the index writer uses: prefixes for the completion field, {@link #TEXT} for the others. */
    static final Analyzer INDEX = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String field) {
            return field.equals(Fields.SUGGEST) ? PREFIXES : TEXT;
        }
    };

    private Analysis() {
    }

    /** The terms {@code analyzer} makes of {@code text}. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text == null ? "" : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
